<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ConfigDeck::Cli::AccountCommand</name>
    <message numerus="yes">
        <source>%1  %2  (%n device(s))</source>
        <translation>
            <numerusform>%1  %2  (%n device)</numerusform>
            <numerusform>%1  %2  (%n devices)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported: %n device(s) added or refreshed.</source>
        <translation>
            <numerusform>Imported: %n device added or refreshed.</numerusform>
            <numerusform>Imported: %n devices added or refreshed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Cli::AccountWatchCommand</name>
    <message numerus="yes">
        <source>%n status change(s)</source>
        <translation>
            <numerusform>%n status change</numerusform>
            <numerusform>%n status changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n push reply(s)</source>
        <translation>
            <numerusform>%n push reply</numerusform>
            <numerusform>%n push replies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Cli::PlatformCommand</name>
    <message numerus="yes">
        <source>%n message(s) were not acknowledged by the broker before exit</source>
        <translation>
            <numerusform>%n message was not acknowledged by the broker before exit</numerusform>
            <numerusform>%n messages were not acknowledged by the broker before exit</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Cloud::AmqpSubscription</name>
    <message numerus="yes">
        <source>no receiver link within %n s: the host did not answer in time</source>
        <translation>
            <numerusform>no receiver link within %n s: the host did not answer in time</numerusform>
            <numerusform>no receiver link within %n s: the host did not answer in time</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>retrying in %n s: %1</source>
        <translation>
            <numerusform>retrying in %n s: %1</numerusform>
            <numerusform>retrying in %n s: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Roles::DeviceAgent</name>
    <message numerus="yes">
        <source>%n download(s) already running; this one was not started</source>
        <translation>
            <numerusform>%n download already running; this one was not started</numerusform>
            <numerusform>%n downloads already running; this one was not started</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Roles::WorkspaceRecorder</name>
    <message numerus="yes">
        <source>Writing to the workspace works again. %n message(s) received meanwhile could not be kept.</source>
        <translation>
            <numerusform>Writing to the workspace works again. %n message received meanwhile could not be kept.</numerusform>
            <numerusform>Writing to the workspace works again. %n messages received meanwhile could not be kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot write to the workspace: %1. What arrives is kept in memory (at most %n message(s)) and written as soon as writing works again.</source>
        <translation>
            <numerusform>Cannot write to the workspace: %1. What arrives is kept in memory (at most %n message) and written as soon as writing works again.</numerusform>
            <numerusform>Cannot write to the workspace: %1. What arrives is kept in memory (at most %n messages) and written as soon as writing works again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Session::ConsoleSession</name>
    <message numerus="yes">
        <source>%n device(s) could not ask:</source>
        <translation>
            <numerusform>%n device could not ask:</numerusform>
            <numerusform>%n devices could not ask:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::AccountCountModel</name>
    <message numerus="yes">
        <source>%n device(s) have not answered yet. Click to show them.</source>
        <translation>
            <numerusform>%n device has not answered yet. Click to show it.</numerusform>
            <numerusform>%n devices have not answered yet. Click to show them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %2: %3
%n device(s). Click to show them.</source>
        <translation>
            <numerusform>%1 %2: %3
%n device. Click to show it.</numerusform>
            <numerusform>%1 %2: %3
%n devices. Click to show them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::AccountView</name>
    <message numerus="yes">
        <source>Retrying in %n s</source>
        <translation>
            <numerusform>Retrying in %n s</numerusform>
            <numerusform>Retrying in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s), %1 online, %2 answered:</source>
        <translation>
            <numerusform>%n device, %1 online, %2 answered:</numerusform>
            <numerusform>%n devices, %1 online, %2 answered:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::AddDeviceDialog</name>
    <message numerus="yes">
        <source>%n line(s) cannot be added; nothing will be added until every line is right.</source>
        <translation>
            <numerusform>%n line cannot be added; nothing will be added until every line is right.</numerusform>
            <numerusform>%n lines cannot be added; nothing will be added until every line is right.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) ready to add</source>
        <translation>
            <numerusform>%n device ready to add</numerusform>
            <numerusform>%n devices ready to add</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n new product(s) will be added</source>
        <translation>
            <numerusform>; %n new product will be added</numerusform>
            <numerusform>; %n new products will be added</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::CloudImportDialog</name>
    <message numerus="yes">
        <source>Read %n product(s)</source>
        <translation>
            <numerusform>Read %n product</numerusform>
            <numerusform>Read %n products</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) from Alibaba Cloud.</source>
        <translation>
            <numerusform>%n device from Alibaba Cloud.</numerusform>
            <numerusform>%n devices from Alibaba Cloud.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::CodeHistogram</name>
    <message numerus="yes">
        <source>Last reply codes — %n device(s)</source>
        <translation>
            <numerusform>Last reply codes — %n device</numerusform>
            <numerusform>Last reply codes — %n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;No reply yet&lt;/b&gt;&lt;br&gt;%n device(s) have not answered a request or push.</source>
        <translation>
            <numerusform>&lt;b&gt;No reply yet&lt;/b&gt;&lt;br&gt;%n device has not answered a request or push.</numerusform>
            <numerusform>&lt;b&gt;No reply yet&lt;/b&gt;&lt;br&gt;%n devices have not answered a request or push.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1 %2&lt;/b&gt; (%3)&lt;br&gt;%4&lt;br&gt;%n device(s). Click to show them.</source>
        <translation>
            <numerusform>&lt;b&gt;%1 %2&lt;/b&gt; (%3)&lt;br&gt;%4&lt;br&gt;%n device. Click to show them.</numerusform>
            <numerusform>&lt;b&gt;%1 %2&lt;/b&gt; (%3)&lt;br&gt;%4&lt;br&gt;%n devices. Click to show them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::DiffView</name>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::IdentityEditor</name>
    <message numerus="yes">
        <source>add %n device(s)</source>
        <translation>
            <numerusform>add %n device</numerusform>
            <numerusform>add %n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>delete %n device(s)</source>
        <translation>
            <numerusform>delete %n device</numerusform>
            <numerusform>delete %n devices</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::MainWindow</name>
    <message numerus="yes">
        <source>%n device(s) asked for their configuration.</source>
        <translation>
            <numerusform>%n device asked for its configuration.</numerusform>
            <numerusform>%n devices asked for their configuration.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pushed to %n device(s); replies appear as they arrive.</source>
        <translation>
            <numerusform>Pushed to %n device; replies appear as they arrive.</numerusform>
            <numerusform>Pushed to %n devices; replies appear as they arrive.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pushed %1 to %n device(s); replies appear as they arrive.</source>
        <translation>
            <numerusform>Pushed %1 to %n device; replies appear as they arrive.</numerusform>
            <numerusform>Pushed %1 to %n devices; replies appear as they arrive.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n device(s).</source>
        <translation>
            <numerusform>Imported %n device.</numerusform>
            <numerusform>Imported %n devices.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n device(s) to %1.</source>
        <translation>
            <numerusform>Exported %n device to %1.</numerusform>
            <numerusform>Exported %n devices to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Support bundle of %n device(s) written to %1; secrets are redacted.</source>
        <translation>
            <numerusform>Support bundle of %n device written to %1; secrets are redacted.</numerusform>
            <numerusform>Support bundle of %n devices written to %1; secrets are redacted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The workspace locked itself after %n minute(s) without input.</source>
        <translation>
            <numerusform>The workspace locked itself after %n minute without input.</numerusform>
            <numerusform>The workspace locked itself after %n minutes without input.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This workspace holds %n device(s) that are not the Demo&apos;s made-up ones, under a key that ships with ConfigDeck: anyone with a copy of the file can read their DeviceSecrets.</source>
        <translation>
            <numerusform>This workspace holds %n device, not the Demo&apos;s made-up ones, under a key that ships with ConfigDeck: anyone with a copy of the file can read its DeviceSecret.</numerusform>
            <numerusform>This workspace holds %n devices that are not the Demo&apos;s made-up ones, under a key that ships with ConfigDeck: anyone with a copy of the file can read their DeviceSecrets.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n device(s).</source>
        <translation>
            <numerusform>Added %n device.</numerusform>
            <numerusform>Added %n devices.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n device(s) from the workspace?</source>
        <translation>
            <numerusform>Delete %n device from the workspace?</numerusform>
            <numerusform>Delete %n devices from the workspace?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n device(s)</source>
        <translation>
            <numerusform>Delete %n device</numerusform>
            <numerusform>Delete %n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n device(s).</source>
        <translation>
            <numerusform>Deleted %n device.</numerusform>
            <numerusform>Deleted %n devices.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported from Alibaba Cloud: %n device(s) added or refreshed.</source>
        <translation>
            <numerusform>Imported from Alibaba Cloud: %n device added or refreshed.</numerusform>
            <numerusform>Imported from Alibaba Cloud: %n devices added or refreshed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::MessageLogView</name>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::ProductsDialog</name>
    <message numerus="yes">
        <source>Delete product %1 and its %n device(s)?</source>
        <translation>
            <numerusform>Delete product %1 and its %n device?</numerusform>
            <numerusform>Delete product %1 and its %n devices?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete product and %n device(s)</source>
        <translation>
            <numerusform>Delete product and %n device</numerusform>
            <numerusform>Delete product and %n devices</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::ReplyCodeCatalogView</name>
    <message numerus="yes">
        <source>%n code(s) shown</source>
        <translation>
            <numerusform>%n code shown</numerusform>
            <numerusform>%n codes shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::RolloutPanel</name>
    <message numerus="yes">
        <source>Rolling out %1 to %n device(s)…</source>
        <translation>
            <numerusform>Rolling out %1 to %n device…</numerusform>
            <numerusform>Rolling out %1 to %n devices…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::RolloutTimeline</name>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n device</numerusform>
            <numerusform>%n devices</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message numerus="yes">
        <source>%n device(s) ready to import</source>
        <translation>
            <numerusform>%n device ready to import</numerusform>
            <numerusform>%n devices ready to import</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n new product(s) will be added</source>
        <translation>
            <numerusform>; %n new product will be added</numerusform>
            <numerusform>; %n new products will be added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) cannot be imported; fix them and preview again. Nothing has been imported.</source>
        <translation>
            <numerusform>%n row cannot be imported; fix them and preview again. Nothing has been imported.</numerusform>
            <numerusform>%n rows cannot be imported; fix them and preview again. Nothing has been imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of the file cannot be imported; nothing was imported.</source>
        <translation>
            <numerusform>%n row of the file cannot be imported; nothing was imported.</numerusform>
            <numerusform>%n rows of the file cannot be imported; nothing was imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new device(s) to add</source>
        <translation>
            <numerusform>%n new device to add</numerusform>
            <numerusform>%n new devices to add</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) already in the workspace will be refreshed (their state is kept)</source>
        <translation>
            <numerusform>%n device already in the workspace will be refreshed (its state is kept)</numerusform>
            <numerusform>%n devices already in the workspace will be refreshed (their state is kept)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JsonDiffResult</name>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n changed</numerusform>
            <numerusform>%n changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n added</numerusform>
            <numerusform>%n added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunningRollout</name>
    <message numerus="yes">
        <source>Rollout “%1” of %2, run by %3 since %4, has ended (%5 of %n device(s) done).</source>
        <translation>
            <numerusform>Rollout “%1” of %2, run by %3 since %4, has ended (%5 of %n device done).</numerusform>
            <numerusform>Rollout “%1” of %2, run by %3 since %4, has ended (%5 of %n devices done).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rollout “%1” of %2 is being run by %3 since %4 (%5 of %n device(s) done).</source>
        <translation>
            <numerusform>Rollout “%1” of %2 is being run by %3 since %4 (%5 of %n device done).</numerusform>
            <numerusform>Rollout “%1” of %2 is being run by %3 since %4 (%5 of %n devices done).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupportBundle</name>
    <message numerus="yes">
        <source>The workspace is locked: the secrets of %n device(s) could not be read, so the bundle was not searched for them (the protocol never sends them).</source>
        <translation>
            <numerusform>The workspace is locked: the secrets of %n device could not be read, so the bundle was not searched for them (the protocol never sends them).</numerusform>
            <numerusform>The workspace is locked: the secrets of %n devices could not be read, so the bundle was not searched for them (the protocol never sends them).</numerusform>
        </translation>
    </message>
</context>
</TS>
