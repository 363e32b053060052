<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountCommand</name>
    <message>
        <source>list the account&apos;s products (QueryProductList)</source>
        <translation>列出账号的产品（QueryProductList）</translation>
    </message>
    <message>
        <source>list devices with their status (QueryDevice)</source>
        <translation>列出设备及其状态（QueryDevice）</translation>
    </message>
    <message>
        <source>add or refresh the account&apos;s products and devices in the workspace</source>
        <translation>在工作区中添加或刷新账号的产品和设备</translation>
    </message>
    <message>
        <source>print device status changes and push replies as they arrive (AMQP)</source>
        <translation>在设备状态变化和推送应答到达时打印出来（AMQP）</translation>
    </message>
</context>
<context>
    <name>AccountMessage</name>
    <message>
        <source>the body is not valid JSON: %1</source>
        <translation>消息体不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>the body is not a JSON object</source>
        <translation>消息体不是 JSON 对象</translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not name a product and a device</source>
        <translation>“%1”未指明产品和设备</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not &apos;%2&apos; of the topic</source>
        <translation>“%1”与 Topic 中的“%2”不一致</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither online nor offline</source>
        <translation>“%1”既不是 online 也不是 offline</translation>
    </message>
    <message>
        <source>missing or not a time</source>
        <translation>缺失或不是时间</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a topic of %2/%3</source>
        <translation>“%1”不是 %2/%3 的 Topic</translation>
    </message>
    <message>
        <source>missing or not an integer</source>
        <translation>缺失或不是整数</translation>
    </message>
</context>
<context>
    <name>AccountProfile</name>
    <message>
        <source>The stored account profile is damaged (%1); enter it again.</source>
        <translation>已保存的账号信息已损坏（%1）；请重新输入。</translation>
    </message>
    <message>
        <source>no region is given (for example cn-shanghai)</source>
        <translation>未指定地域（例如 cn-shanghai）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a region id: use lowercase letters, digits and dashes, as in cn-shanghai</source>
        <translation>“%1”不是地域 ID：请使用小写字母、数字和短划线，例如 cn-shanghai</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an instance id: use lowercase letters, digits and dashes, as in iot-06z00ax1o4ly</source>
        <translation>“%1”不是实例 ID：请使用小写字母、数字和短划线，例如 iot-06z00ax1o4ly</translation>
    </message>
    <message>
        <source>no AccessKey ID is given</source>
        <translation>未指定 AccessKey ID</translation>
    </message>
    <message>
        <source>the AccessKey ID contains spaces</source>
        <translation>AccessKey ID 中包含空格</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an http(s) address, as in https://iot.cn-shanghai.aliyuncs.com</source>
        <translation>“%1”不是 http(s) 地址，应类似 https://iot.cn-shanghai.aliyuncs.com</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>must be a port number from 1 to 65535</source>
        <translation>必须是 1 到 65535 之间的端口号</translation>
    </message>
    <message>
        <source>the AccessKey Secret is empty</source>
        <translation>AccessKey Secret 为空</translation>
    </message>
    <message>
        <source>Cannot seal the AccessKey Secret.</source>
        <translation>无法加密 AccessKey Secret。</translation>
    </message>
    <message>
        <source>No AccessKey Secret is stored for the account: enter it in the account profile.</source>
        <translation>该账号未保存 AccessKey Secret：请在账号信息中输入。</translation>
    </message>
    <message>
        <source>Cannot open the stored AccessKey Secret (%1); enter it again.</source>
        <translation>无法解密已保存的 AccessKey Secret（%1）；请重新输入。</translation>
    </message>
    <message>
        <source>no AMQP endpoint is given: give the AMQP host, the instance ID, or the account UID with the region</source>
        <translation>未指定 AMQP 接入点：请提供 AMQP 主机、实例 ID，或账号 UID 和地域</translation>
    </message>
    <message>
        <source>no consumer group is given</source>
        <translation>未指定消费组</translation>
    </message>
</context>
<context>
    <name>AlinkCodec</name>
    <message>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>must be a whole non-negative number, got %1</source>
        <translation>必须是非负整数，实际为 %1</translation>
    </message>
    <message>
        <source>must be a string, got %1</source>
        <translation>必须是字符串，实际为 %1</translation>
    </message>
    <message>
        <source>must be a whole number, got %1</source>
        <translation>必须是整数，实际为 %1</translation>
    </message>
    <message>
        <source>must be a number, got &quot;%1&quot;</source>
        <translation>必须是数字，实际为“%1”</translation>
    </message>
    <message>
        <source>must be a number, got %1</source>
        <translation>必须是数字，实际为 %1</translation>
    </message>
    <message>
        <source>must be an object, got %1</source>
        <translation>必须是对象，实际为 %1</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>the payload is empty, not JSON</source>
        <translation>消息体为空，不是 JSON</translation>
    </message>
    <message>
        <source>not JSON (%1)</source>
        <translation>不是有效的 JSON（%1）</translation>
    </message>
    <message>
        <source>the payload is JSON but not an object</source>
        <translation>消息体是 JSON，但不是对象</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not supported (expected &quot;1.0&quot;)</source>
        <translation>不支持“%1”（应为 &quot;1.0&quot;）</translation>
    </message>
    <message>
        <source>is &apos;%1&apos;, expected &apos;%2&apos;</source>
        <translation>为“%1”，应为“%2”</translation>
    </message>
    <message>
        <source>must be 0 or 1, got %1</source>
        <translation>必须是 0 或 1，实际为 %1</translation>
    </message>
    <message>
        <source>%1 is out of range</source>
        <translation>%1 超出范围</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a known sign method (expected Sha256)</source>
        <translation>“%1”不是已知的签名方法（应为 Sha256）</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is longer than 10 digits</source>
        <translation>“%1”超过 10 位数字</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a decimal number</source>
        <translation>“%1”不是十进制数字</translation>
    </message>
    <message>
        <source>%1 is above 4294967295</source>
        <translation>%1 大于 4294967295</translation>
    </message>
    <message>
        <source>is negative (%1)</source>
        <translation>为负数（%1）</translation>
    </message>
    <message>
        <source>must be %1 hex digits for %2, got &quot;%3&quot;</source>
        <translation>%2 要求 %1 位十六进制数字，实际为“%3”</translation>
    </message>
    <message>
        <source>is not a valid URL: %1</source>
        <translation>不是有效的 URL：%1</translation>
    </message>
    <message>
        <source>must be http or https, got &quot;%1&quot;</source>
        <translation>必须是 http 或 https，实际为“%1”</translation>
    </message>
    <message>
        <source>has no host</source>
        <translation>缺少主机名</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not supported (expected &quot;file&quot;)</source>
        <translation>不支持“%1”（应为 &quot;file&quot;）</translation>
    </message>
    <message>
        <source>is missing in a reply with code 200</source>
        <translation>在返回码为 200 的应答中缺失</translation>
    </message>
</context>
<context>
    <name>AlinkError</name>
    <message>
        <source>%1 at offset %2</source>
        <translation>%1，位于偏移量 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>AmqpSubscription</name>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>must be a port number</source>
        <translation>必须是端口号</translation>
    </message>
    <message>
        <source>must not contain &apos;|&apos;, &apos;,&apos; or &apos;=&apos;</source>
        <translation>不能包含“|”、“,”或“=”</translation>
    </message>
    <message>
        <source>must be between %1 and %2 seconds</source>
        <translation>必须在 %1 到 %2 秒之间</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be read</source>
        <translation>无法读取“%1”</translation>
    </message>
    <message>
        <source>must be positive</source>
        <translation>必须为正数</translation>
    </message>
</context>
<context>
    <name>BrokerAddress</name>
    <message>
        <source>no broker address is given (write mqtt://host:port)</source>
        <translation>未指定 Broker 地址（格式为 mqtt://host:port）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a broker address (write mqtt://host:port)</source>
        <translation>“%1”不是 Broker 地址（格式为 mqtt://host:port）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an MQTT scheme (use mqtt:// or mqtts://)</source>
        <translation>“%1”不是 MQTT 协议方案（请使用 mqtt:// 或 mqtts://）</translation>
    </message>
</context>
<context>
    <name>CloudProfile</name>
    <message>
        <source>no region is given (for example cn-shanghai)</source>
        <translation>未指定地域（例如 cn-shanghai）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a region id: use lowercase letters, digits and dashes, as in cn-shanghai</source>
        <translation>“%1”不是地域 ID：请使用小写字母、数字和短划线，例如 cn-shanghai</translation>
    </message>
    <message>
        <source>no instance id is given (the console shows it on the instance&apos;s overview, for example iot-06z00ax1o4ly)</source>
        <translation>未指定实例 ID（可在控制台的实例概览页查看，例如 iot-06z00ax1o4ly）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an instance id: use lowercase letters, digits and dashes, as in iot-06z00ax1o4ly</source>
        <translation>“%1”不是实例 ID：请使用小写字母、数字和短划线，例如 iot-06z00ax1o4ly</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a host name or address</source>
        <translation>“%1”不是主机名或地址</translation>
    </message>
    <message>
        <source>the platform listens on 1883, 8883 and 443, not on %1</source>
        <translation>平台监听的端口为 1883、8883 和 443，而不是 %1</translation>
    </message>
    <message>
        <source>the file %1 does not exist or cannot be read</source>
        <translation>文件 %1 不存在或无法读取</translation>
    </message>
    <message>
        <source>on port 8883 the platform presents its own root certificate, which ConfigDeck does not ship: give that root&apos;s file as the CA file, or use port 1883 or 443</source>
        <translation>在 8883 端口上，平台使用其自己的根证书，而 ConfigDeck 未附带该证书：请将该根证书文件指定为 CA 文件，或改用 1883 或 443 端口</translation>
    </message>
    <message>
        <source>TLS is off: the connection uses securemode 3 (plain TCP). Messages, configuration URLs and the signed password travel unencrypted, and the platform refuses plain TCP for accounts created after 2022-08-02.</source>
        <translation>TLS 已关闭：连接使用 securemode 3（TCP 直连）。消息、配置 URL 和签名后的密码均以明文传输，且平台对 2022-08-02 之后创建的账号拒绝 TCP 直连。</translation>
    </message>
    <message>
        <source>the shipped root certificate %1 is missing from this build</source>
        <translation>此版本中缺少随附的根证书 %1</translation>
    </message>
    <message>
        <source>the shipped root certificate could not be written to a file (cache directory %1)</source>
        <translation>无法将随附的根证书写入文件（缓存目录 %1）</translation>
    </message>
    <message>
        <source>Remote configuration is switched off for this product. In the IoT Platform console open Devices &gt; Products (设备管理 &gt; 产品), pick the product, open Remote Configuration (远程配置) and switch it on, then request again.</source>
        <translation>该产品的远程配置已关闭。请在物联网平台控制台中打开“设备管理 &gt; 产品”，选择该产品，打开“远程配置”并开启，然后重新请求。</translation>
    </message>
    <message>
        <source>The product has no configuration file yet. In the console&apos;s Remote Configuration page for the product, edit or upload a configuration file and save it, then request again.</source>
        <translation>该产品尚无配置文件。请在控制台中该产品的“远程配置”页面编辑或上传配置文件并保存，然后重新请求。</translation>
    </message>
    <message>
        <source>The platform did not accept the signed password: check the DeviceSecret, the ProductKey and DeviceName, the sign method, and that this computer&apos;s clock is right.</source>
        <translation>平台未接受签名后的密码：请检查 DeviceSecret、ProductKey 和 DeviceName、签名方法，以及本机时钟是否准确。</translation>
    </message>
    <message>
        <source>The platform refused this identity: check the DeviceSecret and the computer&apos;s clock, that the device exists in this instance and region, and that it is not disabled in the console (Devices &gt; Devices).</source>
        <translation>平台拒绝了此身份：请检查 DeviceSecret 和本机时钟，确认该设备存在于此实例和地域中，且未在控制台（设备管理 &gt; 设备）中被禁用。</translation>
    </message>
    <message>
        <source>The platform rejected the client ID: check the ProductKey and DeviceName.</source>
        <translation>平台拒绝了客户端 ID：请检查 ProductKey 和 DeviceName。</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation>必须是 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither &quot;region&quot; nor &quot;instance&quot;</source>
        <translation>“%1”既不是 &quot;region&quot; 也不是 &quot;instance&quot;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of hmacsha256, hmacsha1, hmacmd5</source>
        <translation>“%1”不是 hmacsha256、hmacsha1、hmacmd5 之一</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须为 true 或 false</translation>
    </message>
</context>
<context>
    <name>CommandSupport</name>
    <message>
        <source>Broker address: mqtt://HOST:PORT, or mqtts://HOST:PORT for TLS.</source>
        <translation>Broker 地址：mqtt://HOST:PORT，使用 TLS 时为 mqtts://HOST:PORT。</translation>
    </message>
    <message>
        <source>MQTT user name.</source>
        <translation>MQTT 用户名。</translation>
    </message>
    <message>
        <source>MQTT password (prefer the CONFIGDECK_MQTT_PASSWORD environment variable).</source>
        <translation>MQTT 密码（建议改用 CONFIGDECK_MQTT_PASSWORD 环境变量）。</translation>
    </message>
    <message>
        <source>PEM file of the CA that signed the broker&apos;s certificate (TLS).</source>
        <translation>签发 Broker 证书的 CA 的 PEM 文件（TLS）。</translation>
    </message>
    <message>
        <source>Client certificate (PEM) for TLS client authentication.</source>
        <translation>用于 TLS 客户端认证的客户端证书（PEM）。</translation>
    </message>
    <message>
        <source>Private key (PEM) of the client certificate.</source>
        <translation>客户端证书的私钥（PEM）。</translation>
    </message>
    <message>
        <source>Speak MQTT 5 instead of 3.1.1.</source>
        <translation>使用 MQTT 5 协议，而不是 3.1.1。</translation>
    </message>
    <message>
        <source>Keep-alive interval in seconds.</source>
        <translation>心跳（keep-alive）间隔，单位为秒。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number of at least %2</source>
        <translation>“%1”不是大于或等于 %2 的整数</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a share between 0 and 100%</source>
        <translation>“%1”不是 0 到 100% 之间的比例</translation>
    </message>
    <message>
        <source>Workspace file (.configdeck) to take the device identities from.</source>
        <translation>从中读取设备身份的工作区文件（.configdeck）。</translation>
    </message>
    <message>
        <source>File whose first line is the workspace&apos;s passphrase (or set %1).</source>
        <translation>首行为工作区口令的文件（或设置 %1）。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>the first line of %1 is empty</source>
        <translation>%1 的第一行为空</translation>
    </message>
    <message>
        <source>the workspace %1 is protected by a passphrase and configdeck-cli does not ask for it: give --passphrase-file FILE or set %2</source>
        <translation>工作区 %1 受口令保护，而 configdeck-cli 不会询问口令：请指定 --passphrase-file FILE 或设置 %2</translation>
    </message>
    <message>
        <source>wrong passphrase for the workspace %1</source>
        <translation>工作区 %1 的口令错误</translation>
    </message>
    <message>
        <source>the workspace %1 is protected only by the Demo&apos;s public passphrase: anyone with a copy can read its DeviceSecrets. Open it in the console to protect it.</source>
        <translation>工作区 %1 仅受演示版公开口令保护：任何拥有其副本的人都能读取其中的 DeviceSecret。请在控制台中打开并保护它。</translation>
    </message>
    <message>
        <source>Largest incoming MQTT message in bytes; larger ones are dropped.</source>
        <translation>接收的 MQTT 消息的最大字节数；超过此大小的消息将被丢弃。</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Cli::AccountCommand</name>
    <message>
        <source>Usage: configdeck-cli account &lt;subcommand&gt; [options]

Subcommands:
</source>
        <translation>用法：configdeck-cli account &lt;子命令&gt; [选项]

子命令：
</translation>
    </message>
    <message>
        <source>
Run configdeck-cli account &lt;subcommand&gt; --help for its options.
</source>
        <translation>
运行 configdeck-cli account &lt;子命令&gt; --help 查看其选项。
</translation>
    </message>
    <message>
        <source>Unknown subcommand &apos;%1&apos;.</source>
        <translation>未知子命令“%1”。</translation>
    </message>
    <message>
        <source>Region ID, e.g. cn-shanghai (overrides the workspace&apos;s profile).</source>
        <translation>地域 ID，例如 cn-shanghai（覆盖工作区账号信息中的设置）。</translation>
    </message>
    <message>
        <source>IoT instance ID of an Enterprise Edition instance.</source>
        <translation>企业版实例的物联网实例 ID。</translation>
    </message>
    <message>
        <source>AccessKey ID of a RAM user (or set %1).</source>
        <translation>RAM 用户的 AccessKey ID（或设置 %1）。</translation>
    </message>
    <message>
        <source>Call the OpenAPI here instead of https://iot.{region}.aliyuncs.com.</source>
        <translation>在此地址调用 OpenAPI，而不是 https://iot.{region}.aliyuncs.com。</translation>
    </message>
    <message>
        <source>Print one JSON object per line.</source>
        <translation>每行输出一个 JSON 对象。</translation>
    </message>
    <message>
        <source>give the workspace to import into</source>
        <translation>请指定要导入到的工作区</translation>
    </message>
    <message>
        <source>(set the account profile in the console, or give the option)</source>
        <translation>（请在控制台中设置账号信息，或指定该选项）</translation>
    </message>
    <message>
        <source>%1 was throttled (%2); retrying in %3 ms</source>
        <translation>%1 被限流（%2）；%3 毫秒后重试</translation>
    </message>
    <message>
        <source>Lists the Alibaba Cloud account&apos;s IoT products.</source>
        <translation>列出阿里云账号的物联网产品。</translation>
    </message>
    <message numerus="yes">
        <source>%1  %2  (%n device(s))</source>
        <translation>
            <numerusform>%1  %2  （%n 个设备）</numerusform>
        </translation>
    </message>
    <message>
        <source>Lists the devices of the account&apos;s products with their status.</source>
        <translation>列出账号各产品的设备及其状态。</translation>
    </message>
    <message>
        <source>ProductKey; repeat or separate with commas (default: every product).</source>
        <translation>ProductKey；可重复指定或用逗号分隔（默认：所有产品）。</translation>
    </message>
    <message>
        <source>Adds or refreshes the account&apos;s products and devices in the workspace, all or nothing, as the CSV import does; a refresh keeps every device&apos;s state, labels and history.</source>
        <translation>在工作区中添加或刷新账号的产品和设备，与 CSV 导入一样要么全部导入，要么什么都不导入；刷新会保留每台设备的状态、标签和历史记录。</translation>
    </message>
    <message>
        <source>Also fetch and store (sealed) the DeviceSecrets (BatchQueryDeviceDetail).</source>
        <translation>同时获取并（加密）保存 DeviceSecret（BatchQueryDeviceDetail）。</translation>
    </message>
    <message>
        <source>Do not fetch the online state (BatchGetDeviceState).</source>
        <translation>不获取在线状态（BatchGetDeviceState）。</translation>
    </message>
    <message>
        <source>Only preview: check every row and write nothing.</source>
        <translation>仅预览：检查每一行，不写入任何内容。</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message numerus="yes">
        <source>Imported: %n device(s) added or refreshed.</source>
        <translation>
            <numerusform>已导入：添加或刷新了 %n 个设备。</numerusform>
        </translation>
    </message>
    <message>
        <source>File holding the AccessKey Secret (default: %1, else the workspace&apos;s sealed one).</source>
        <translation>存放 AccessKey Secret 的文件（默认：%1，否则使用工作区中加密保存的）。</translation>
    </message>
    <message>
        <source>Consumer group ID of the server-side subscription.</source>
        <translation>服务端订阅的消费组 ID。</translation>
    </message>
    <message>
        <source>Alibaba Cloud account ID: names the public instance&apos;s AMQP endpoint with the region.</source>
        <translation>阿里云账号 ID：与地域一起确定公共实例的 AMQP 接入点。</translation>
    </message>
    <message>
        <source>AMQP endpoint (default: {instance}.amqp.iothub.aliyuncs.com, or {account-uid}.iot-amqp.{region}.aliyuncs.com).</source>
        <translation>AMQP 接入点（默认：{instance}.amqp.iothub.aliyuncs.com，或 {account-uid}.iot-amqp.{region}.aliyuncs.com）。</translation>
    </message>
    <message>
        <source>AMQP port (default: 5671).</source>
        <translation>AMQP 端口（默认：5671）。</translation>
    </message>
    <message>
        <source>PEM file of the roots to trust instead of the system&apos;s (OpenAPI) or the shipped GlobalSign Root CA R1 (AMQP).</source>
        <translation>要信任的根证书 PEM 文件，代替系统的根证书（OpenAPI）或随附的 GlobalSign Root CA R1（AMQP）。</translation>
    </message>
    <message>
        <source>must be at most 65535</source>
        <translation>不能大于 65535</translation>
    </message>
    <message>
        <source>cannot read &apos;%1&apos;: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is empty</source>
        <translation>“%1”为空</translation>
    </message>
    <message>
        <source>none is given: set %1, give --access-key-secret-file, or save it in the workspace&apos;s account profile</source>
        <translation>未提供：请设置 %1、使用 --access-key-secret-file，或将其保存在工作区的账号信息中</translation>
    </message>
    <message>
        <source>Follows the account&apos;s server-side subscription on Alibaba Cloud IoT Platform (AMQP 1.0 over TLS) and prints each device status change and each reply to a configuration push as it arrives. With --workspace, only the workspace&apos;s devices are printed; the workspace is only read.</source>
        <translation>实时监听账号在阿里云物联网平台上的服务端订阅（基于 TLS 的 AMQP 1.0），在每次设备状态变化和每个配置推送应答到达时打印出来。指定 --workspace 时只打印该工作区的设备；工作区只读不写。</translation>
    </message>
    <message>
        <source>Client ID shown in the console&apos;s list of clients (default: this host&apos;s name).</source>
        <translation>在控制台客户端列表中显示的客户端 ID（默认：本机主机名）。</translation>
    </message>
    <message>
        <source>AMQP idle-time-out in seconds, 30 to 300.</source>
        <translation>AMQP 空闲超时（秒），30 到 300。</translation>
    </message>
    <message>
        <source>Stop after this many seconds (default: run until Ctrl+C).</source>
        <translation>运行这么多秒后停止（默认：一直运行到按 Ctrl+C）。</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Cli::AccountWatchCommand</name>
    <message>
        <source>%1/%2 online</source>
        <translation>%1/%2 上线</translation>
    </message>
    <message>
        <source>%1/%2 offline</source>
        <translation>%1/%2 下线</translation>
    </message>
    <message>
        <source>%1/%2 replied %3 %4</source>
        <translation>%1/%2 应答 %3 %4</translation>
    </message>
    <message>
        <source>%1/%2 is not in the workspace; ignored</source>
        <translation>%1/%2 不在工作区中；已忽略</translation>
    </message>
    <message>
        <source>ignored a message on %1: %2</source>
        <translation>已忽略 %1 上的一条消息：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n status change(s)</source>
        <translation>
            <numerusform>%n 次状态变化</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n push reply(s)</source>
        <translation>
            <numerusform>%n 个推送应答</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Cli::DeviceCommand</name>
    <message>
        <source>Connects as real device identities to Alibaba Cloud IoT Platform: requests the configuration, waits for pushes, downloads, verifies and replies.</source>
        <translation>以真实设备身份连接阿里云物联网平台：请求配置、等待推送、下载、校验并应答。</translation>
    </message>
    <message>
        <source>Connect to Alibaba Cloud IoT Platform, signing as the SDKs do (the default).</source>
        <translation>连接阿里云物联网平台，按 SDK 的方式签名（默认）。</translation>
    </message>
    <message>
        <source>ProductKey of the devices.</source>
        <translation>设备的 ProductKey。</translation>
    </message>
    <message>
        <source>DeviceName; repeat the option or separate names with commas.</source>
        <translation>DeviceName；可重复此选项，或用逗号分隔多个名称。</translation>
    </message>
    <message>
        <source>DeviceSecret of the devices (prefer the CONFIGDECK_DEVICE_SECRET environment variable or --secrets-file).</source>
        <translation>设备的 DeviceSecret（建议改用 CONFIGDECK_DEVICE_SECRET 环境变量或 --secrets-file）。</translation>
    </message>
    <message>
        <source>CSV of ProductKey,DeviceName,DeviceSecret rows.</source>
        <translation>由 ProductKey,DeviceName,DeviceSecret 行组成的 CSV 文件。</translation>
    </message>
    <message>
        <source>Public instance by region: {pk}.iot-as-mqtt.{region}.aliyuncs.com.</source>
        <translation>按地域连接公共实例：{pk}.iot-as-mqtt.{region}.aliyuncs.com。</translation>
    </message>
    <message>
        <source>Instance by id: {instanceId}.mqtt.iothub.aliyuncs.com.</source>
        <translation>按 ID 连接实例：{instanceId}.mqtt.iothub.aliyuncs.com。</translation>
    </message>
    <message>
        <source>Port: 1883, 8883 or 443 (any port with --host).</source>
        <translation>端口：1883、8883 或 443（使用 --host 时可为任意端口）。</translation>
    </message>
    <message>
        <source>Plain TCP (securemode 3); the platform refuses it for newer accounts.</source>
        <translation>TCP 直连（securemode 3）；平台对较新的账号拒绝此方式。</translation>
    </message>
    <message>
        <source>PEM file of the roots to trust instead of the shipped GlobalSign Root CA R1.</source>
        <translation>要信任的根证书 PEM 文件，用于替代随附的 GlobalSign Root CA R1。</translation>
    </message>
    <message>
        <source>PEM file of the roots to trust for HTTPS downloads instead of the system&apos;s.</source>
        <translation>HTTPS 下载时要信任的根证书 PEM 文件，用于替代系统的根证书。</translation>
    </message>
    <message>
        <source>hmacsha256, hmacsha1 or hmacmd5.</source>
        <translation>hmacsha256、hmacsha1 或 hmacmd5。</translation>
    </message>
    <message>
        <source>Keep-alive in seconds, 30 to 1200.</source>
        <translation>心跳时间，单位为秒，范围 30 到 1200。</translation>
    </message>
    <message>
        <source>Connect to this host instead of the platform&apos;s endpoint (tests, private deployments).</source>
        <translation>连接到此主机，而不是平台的接入点（用于测试、私有部署）。</translation>
    </message>
    <message>
        <source>Connections opened at once.</source>
        <translation>同时建立的连接数。</translation>
    </message>
    <message>
        <source>Request the configuration once connected.</source>
        <translation>连接后请求配置。</translation>
    </message>
    <message>
        <source>Then wait this many seconds for pushes.</source>
        <translation>随后等待推送的秒数。</translation>
    </message>
    <message>
        <source>Reply to pushes: auto (200 after verification) or a code.</source>
        <translation>对推送的应答：auto（校验通过后应答 200）或指定的返回码。</translation>
    </message>
    <message>
        <source>Give up on a requested configuration after this many seconds.</source>
        <translation>请求配置后超过此秒数仍未收到则放弃。</translation>
    </message>
    <message>
        <source>Do not ask before connecting as identities that may be live.</source>
        <translation>以可能正在使用的设备身份连接前不再询问确认。</translation>
    </message>
    <message>
        <source>Print one JSON object per line.</source>
        <translation>每行输出一个 JSON 对象。</translation>
    </message>
    <message>
        <source>give either --region or --instance, not both</source>
        <translation>请指定 --region 或 --instance 之一，不能同时指定</translation>
    </message>
    <message>
        <source>give --instance ID or --region ID (or --host)</source>
        <translation>请指定 --instance ID 或 --region ID（或 --host）</translation>
    </message>
    <message>
        <source>%1 is not a port</source>
        <translation>%1 不是有效的端口</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of hmacsha256, hmacsha1, hmacmd5</source>
        <translation>“%1”不是 hmacsha256、hmacsha1、hmacmd5 之一</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither auto nor a reply code such as 200 or 100005</source>
        <translation>“%1”既不是 auto，也不是返回码（如 200 或 100005）</translation>
    </message>
    <message>
        <source>no PEM certificate could be read from %1</source>
        <translation>无法从 %1 读取 PEM 证书</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>%1/%2: connected</source>
        <translation>%1/%2：已连接</translation>
    </message>
    <message>
        <source>%1/%2: offline: %3</source>
        <translation>%1/%2：离线：%3</translation>
    </message>
    <message>
        <source>%1/%2: push %3 verified with %4; replying %5 as asked</source>
        <translation>%1/%2：推送 %3 的校验结果为 %4；按要求应答 %5</translation>
    </message>
    <message>
        <source>%1/%2: downloaded and verified %3 (%4 bytes, %5)</source>
        <translation>%1/%2：已下载并校验 %3（%4 字节，%5）</translation>
    </message>
    <message>
        <source>%1/%2: downloaded and verified %3 (%4 bytes, %5); changes: %6</source>
        <translation>%1/%2：已下载并校验 %3（%4 字节，%5）；变更：%6</translation>
    </message>
    <message>
        <source>%1/%2: %3: %4</source>
        <translation>%1/%2：%3：%4</translation>
    </message>
    <message>
        <source>%1 is not in %2</source>
        <translation>%2 中没有 %1</translation>
    </message>
    <message>
        <source>name at least one device</source>
        <translation>请至少指定一个设备</translation>
    </message>
    <message>
        <source>no DeviceSecret: set CONFIGDECK_DEVICE_SECRET, or give --secret or --secrets-file</source>
        <translation>没有 DeviceSecret：请设置 CONFIGDECK_DEVICE_SECRET，或指定 --secret 或 --secrets-file</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 line %2: a quoted field is not closed properly</source>
        <translation>%1 第 %2 行：带引号的字段未正确闭合</translation>
    </message>
    <message>
        <source>%1 line %2: expected ProductKey,DeviceName,DeviceSecret</source>
        <translation>%1 第 %2 行：应为 ProductKey,DeviceName,DeviceSecret</translation>
    </message>
    <message>
        <source>%1 line %2: %3</source>
        <translation>%1 第 %2 行：%3</translation>
    </message>
    <message>
        <source>%1 holds no device</source>
        <translation>%1 中没有设备</translation>
    </message>
    <message>
        <source>Not connecting: there is no terminal to confirm on. Pass --yes to connect anyway.</source>
        <translation>不进行连接：没有可用于确认的终端。如仍要连接，请传入 --yes。</translation>
    </message>
    <message>
        <source>Connect as these identities? [y/N]</source>
        <translation>以这些身份连接吗？[y/N]</translation>
    </message>
    <message>
        <source>y</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Not connecting.</source>
        <translation>已取消连接。</translation>
    </message>
    <message>
        <source>%1/%2: %3</source>
        <translation>%1/%2：%3</translation>
    </message>
    <message>
        <source>%1/%2: requested the configuration (id %3)</source>
        <translation>%1/%2：已请求配置（id %3）</translation>
    </message>
    <message>
        <source>%1: no configuration within %2 s</source>
        <translation>%1：%2 秒内未收到配置</translation>
    </message>
    <message>
        <source>%1/%2: get %3 ended with %4</source>
        <translation>%1/%2：配置请求 %3 结束，返回码 %4</translation>
    </message>
    <message>
        <source>%1/%2: replied %4 to push %3</source>
        <translation>%1/%2：已对推送 %3 应答 %4</translation>
    </message>
    <message>
        <source>%1/%2: push %3 received</source>
        <translation>%1/%2：已收到推送 %3</translation>
    </message>
    <message>
        <source>waiting %1 s for pushes</source>
        <translation>等待推送 %1 秒</translation>
    </message>
    <message>
        <source>%1 devices: %2 connected, %3 refused, %4 kicked offline; %5 verified, %6 pushes; codes: %7</source>
        <translation>%1 个设备：%2 个已连接，%3 个被拒绝，%4 个被挤下线；%5 个已校验，%6 次推送；返回码：%7</translation>
    </message>
    <message>
        <source>Sign with this timestamp (ms since the epoch) instead of the current time (tests, replays).</source>
        <translation>使用此时间戳（自纪元起的毫秒数）而不是当前时间进行签名（用于测试、重放）。</translation>
    </message>
    <message>
        <source>%1/%2: not connected: %3</source>
        <translation>%1/%2：未连接：%3</translation>
    </message>
    <message>
        <source>%1/%2: not connected: %3
  %4</source>
        <translation>%1/%2：未连接：%3
  %4</translation>
    </message>
    <message>
        <source>give either --workspace or --secrets-file, not both</source>
        <translation>只能指定 --workspace 或 --secrets-file 之一，不能同时指定</translation>
    </message>
    <message>
        <source>no device matches the chosen product and devices</source>
        <translation>没有设备符合所选的产品和设备</translation>
    </message>
    <message>
        <source>is required (or give --secrets-file or --workspace)</source>
        <translation>为必填项（或指定 --secrets-file 或 --workspace）</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Cli::DevicesCommand</name>
    <message>
        <source>Simulates devices that take remote configuration, each on its own MQTT connection.</source>
        <translation>模拟接收远程配置的设备，每台设备使用独立的 MQTT 连接。</translation>
    </message>
    <message>
        <source>ProductKey of the simulated devices.</source>
        <translation>模拟设备的 ProductKey。</translation>
    </message>
    <message>
        <source>Number of devices.</source>
        <translation>设备数量。</translation>
    </message>
    <message>
        <source>DeviceName prefix; names are PREFIX0000, PREFIX0001, ...</source>
        <translation>DeviceName 前缀；设备名称依次为 PREFIX0000、PREFIX0001……</translation>
    </message>
    <message>
        <source>Index of the first device.</source>
        <translation>第一台设备的序号。</translation>
    </message>
    <message>
        <source>Fault mix, e.g. slow:2000=10%,offline=5%,never=5%,refuses:460=5%,badsign=5%,truncate=5%,applyfails=2%,slowdownload:1024=2%.</source>
        <translation>故障组合，例如 slow:2000=10%,offline=5%,never=5%,refuses:460=5%,badsign=5%,truncate=5%,applyfails=2%,slowdownload:1024=2%。</translation>
    </message>
    <message>
        <source>Seed that spreads the faults over the fleet.</source>
        <translation>在设备群中分配故障所用的随机种子。</translation>
    </message>
    <message>
        <source>Each device requests its configuration once connected.</source>
        <translation>每台设备连接后主动请求其配置。</translation>
    </message>
    <message>
        <source>Exit when every online device has finished this many exchanges.</source>
        <translation>每台在线设备都完成此数量的交互后退出。</translation>
    </message>
    <message>
        <source>Exit after this many seconds.</source>
        <translation>运行此秒数后退出。</translation>
    </message>
    <message>
        <source>Spread the fleet over this many worker processes.</source>
        <translation>将设备群分摊到此数量的工作进程中。</translation>
    </message>
    <message>
        <source>Size of the whole fleet when this process simulates a slice of it.</source>
        <translation>本进程只模拟设备群的一部分时，整个设备群的规模。</translation>
    </message>
    <message>
        <source>Print one JSON object per line.</source>
        <translation>每行输出一个 JSON 对象。</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>%1/%2: %3</source>
        <translation>%1/%2：%3</translation>
    </message>
    <message>
        <source>%1 of %2 devices online, %3 exchanges</source>
        <translation>%2 个设备中 %1 个在线，%3 次交互</translation>
    </message>
    <message>
        <source>%1 of %2 devices online</source>
        <translation>%2 个设备中 %1 个在线</translation>
    </message>
    <message>
        <source>%1/%2: %3 %4</source>
        <translation>%1/%2：%3 %4</translation>
    </message>
    <message>
        <source>%1 devices, %2 online, %3 exchanges; codes: %4</source>
        <translation>%1 个设备，%2 个在线，%3 次交互；返回码：%4</translation>
    </message>
    <message>
        <source>Largest configuration file a device downloads, whatever size the platform announces (Alibaba Cloud: 65536).</source>
        <translation>设备可下载的配置文件大小上限（字节），不论平台声明的大小是多少（阿里云：65536）。</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Cli::PlatformCommand</name>
    <message>
        <source>Serves remote configuration on an MQTT broker as Alibaba Cloud IoT Platform does, and pushes or rolls out a configuration.</source>
        <translation>像阿里云物联网平台一样在 MQTT Broker 上提供远程配置服务，并推送或分批发布配置。</translation>
    </message>
    <message>
        <source>ProductKey to serve.</source>
        <translation>要提供服务的 ProductKey。</translation>
    </message>
    <message>
        <source>The configuration file to serve and push.</source>
        <translation>要提供和推送的配置文件。</translation>
    </message>
    <message>
        <source>DeviceName prefix for --devices.</source>
        <translation>--devices 所用的 DeviceName 前缀。</translation>
    </message>
    <message>
        <source>File with one DeviceName per line: the known devices.</source>
        <translation>已知设备列表文件，每行一个 DeviceName。</translation>
    </message>
    <message>
        <source>Remote configuration switched off for the product: gets answer 6713.</source>
        <translation>该产品的远程配置已关闭：配置获取请求返回 6713。</translation>
    </message>
    <message>
        <source>Behave exactly as the cloud: product scope, JSON only, 64 KB, one push per product per hour.</source>
        <translation>完全按云端的限制运行：按产品推送、仅限 JSON、最大 64 KB、每个产品每小时推送一次。</translation>
    </message>
    <message>
        <source>Address the file server listens on.</source>
        <translation>文件服务器监听的地址。</translation>
    </message>
    <message>
        <source>Port of the file server (0: any free port).</source>
        <translation>文件服务器的端口（0：任意空闲端口）。</translation>
    </message>
    <message>
        <source>Host name devices use to reach the file server.</source>
        <translation>设备访问文件服务器时使用的主机名。</translation>
    </message>
    <message>
        <source>Serve files over HTTPS with this certificate (PEM).</source>
        <translation>使用此证书（PEM）通过 HTTPS 提供文件。</translation>
    </message>
    <message>
        <source>Private key (PEM) of the HTTPS certificate.</source>
        <translation>HTTPS 证书的私钥（PEM）。</translation>
    </message>
    <message>
        <source>Validity of the signed download URLs in seconds.</source>
        <translation>签名下载 URL 的有效期，单位为秒。</translation>
    </message>
    <message>
        <source>Push the configuration to every known device.</source>
        <translation>将配置推送到所有已知设备。</translation>
    </message>
    <message>
        <source>Push in a staged rollout to every known device.</source>
        <translation>以分批发布的方式推送到所有已知设备。</translation>
    </message>
    <message>
        <source>Rollout batch size.</source>
        <translation>分批发布的批次大小。</translation>
    </message>
    <message>
        <source>Rollout pushes per second (0: no limit).</source>
        <translation>分批发布每秒推送次数（0：不限制）。</translation>
    </message>
    <message>
        <source>Seconds to wait for each device&apos;s reply.</source>
        <translation>等待每台设备应答的秒数。</translation>
    </message>
    <message>
        <source>Abort the rollout when this share of devices failed.</source>
        <translation>失败设备达到此比例时中止分批发布。</translation>
    </message>
    <message>
        <source>Start the push or rollout once this many devices requested their configuration.</source>
        <translation>当此数量的设备请求过配置后，开始推送或分批发布。</translation>
    </message>
    <message>
        <source>Start the push or rollout this many seconds after connecting.</source>
        <translation>连接后经过此秒数再开始推送或分批发布。</translation>
    </message>
    <message>
        <source>Keep serving after the push or rollout finished.</source>
        <translation>推送或分批发布结束后继续提供服务。</translation>
    </message>
    <message>
        <source>Exit 0 when a rollout completed even if devices failed.</source>
        <translation>分批发布完成时即使有设备失败也以 0 退出。</translation>
    </message>
    <message>
        <source>Print one JSON object per line.</source>
        <translation>每行输出一个 JSON 对象。</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Serving %1 (%2 bytes, SHA-256 %3) for product %4</source>
        <translation>正在为产品 %4 提供 %1（%2 字节，SHA-256 %3）</translation>
    </message>
    <message>
        <source>a push or rollout needs a configuration file</source>
        <translation>推送或分批发布需要配置文件</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address</source>
        <translation>“%1”不是 IP 地址</translation>
    </message>
    <message>
        <source>File server on %1 port %2</source>
        <translation>文件服务器位于 %1，端口 %2</translation>
    </message>
    <message>
        <source>%1/%2 replied %3 after %4 ms</source>
        <translation>%1/%2 在 %4 毫秒后应答 %3</translation>
    </message>
    <message>
        <source>Ignored a message on %1: %2</source>
        <translation>已忽略 %1 上的消息：%2</translation>
    </message>
    <message>
        <source>Broker: %1</source>
        <translation>Broker：%1</translation>
    </message>
    <message>
        <source>%1/%2: %3 %4 %5</source>
        <translation>%1/%2：%3 %4 %5</translation>
    </message>
    <message>
        <source>Rollout: %1 of %2 devices done</source>
        <translation>分批发布：已完成 %1/%2 个设备</translation>
    </message>
    <message>
        <source>Rollout %1 in %2 ms: %3</source>
        <translation>分批发布%1，用时 %2 毫秒：%3</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>已中止</translation>
    </message>
    <message>
        <source>; rollout: %1 succeeded, %2 failed, %3 timed out, %4 skipped</source>
        <translation>；分批发布：成功 %1 个，失败 %2 个，超时 %3 个，跳过 %4 个</translation>
    </message>
    <message>
        <source>Number of known devices, named PREFIX0000, PREFIX0001, ... (other devices get 6100).</source>
        <translation>已知设备的数量，设备名称依次为 PREFIX0000、PREFIX0001……（其他设备收到 6100）。</translation>
    </message>
    <message>
        <source>%1/%2 requested its configuration: answered %3</source>
        <translation>%1/%2 请求了配置：已返回 %3</translation>
    </message>
    <message>
        <source>%1 configuration requests answered (%2); %3 push replies (%4)</source>
        <translation>已答复 %1 次配置请求（%2）；收到 %3 个推送应答（%4）</translation>
    </message>
    <message>
        <source>Seconds after which the file server closes a connection without traffic.</source>
        <translation>连接无数据传输超过此秒数后，文件服务器将其关闭。</translation>
    </message>
    <message>
        <source>Connections the file server keeps open at most.</source>
        <translation>文件服务器最多同时保持打开的连接数。</translation>
    </message>
    <message>
        <source>Connections the file server keeps open at most from one address.</source>
        <translation>文件服务器对同一地址最多同时保持打开的连接数。</translation>
    </message>
    <message>
        <source>not acknowledged by the broker before exit</source>
        <translation>退出前未得到 Broker 的确认</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) were not acknowledged by the broker before exit</source>
        <translation>
            <numerusform>%n 条消息在退出前未得到 Broker 的确认</numerusform>
        </translation>
    </message>
    <message>
        <source>Share the devices&apos; requests and replies with the other platform processes of this group (an MQTT shared subscription, $share/NAME/...): the broker hands each to one of them.</source>
        <translation>与本组的其他平台进程分担设备的请求和应答（MQTT 共享订阅，$share/NAME/...）：Broker 会将每条消息交给其中一个进程处理。</translation>
    </message>
    <message>
        <source>Who runs this platform, recorded with its pushes and rollouts (default: the account name).</source>
        <translation>运行此平台的操作员，随其推送和分批发布一起记录（默认：当前系统用户名）。</translation>
    </message>
    <message>
        <source>the operator&apos;s name is empty</source>
        <translation>操作员名称为空</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Connected to %1:%2 as %3</source>
        <translation>已以 %3 身份连接到 %1:%2</translation>
    </message>
    <message>
        <source>Connected to %1:%2 as %3, sharing the work of group %4</source>
        <translation>已以 %3 身份连接到 %1:%2，与组 %4 分担工作</translation>
    </message>
    <message>
        <source>%1 pushed to %2 devices</source>
        <translation>%1 已推送到 %2 个设备</translation>
    </message>
    <message>
        <source>%1 rollout</source>
        <translation>%1 分批发布</translation>
    </message>
    <message>
        <source>Let the other platform processes on this machine listen on the same --http-port: connections are spread over them, and a URL signed with the workspace&apos;s key downloads from any of them.</source>
        <translation>让本机上的其他平台进程监听同一个 --http-port：连接会分摊到它们之上，用工作区密钥签名的 URL 可以从其中任何一个下载。</translation>
    </message>
    <message>
        <source>a push or rollout needs the known devices (--devices, --device-list or --workspace)</source>
        <translation>推送或灰度发布需要已知设备（--devices、--device-list 或 --workspace）</translation>
    </message>
    <message>
        <source>Download URLs are signed with the workspace&apos;s key %1</source>
        <translation>下载 URL 使用工作区的密钥 %1 签名</translation>
    </message>
    <message>
        <source>the workspace %1 has no devices of product %2</source>
        <translation>工作区 %1 中没有产品 %2 的设备</translation>
    </message>
    <message>
        <source>Started rollout %1 of %2 devices in the workspace; other platform processes can join it</source>
        <translation>已在工作区中开始灰度发布 %1（%2 台设备）；其他平台进程可以加入</translation>
    </message>
    <message>
        <source>Joined rollout %1 of %2 devices, started by another platform process</source>
        <translation>已加入由另一个平台进程开始的灰度发布 %1（%2 台设备）</translation>
    </message>
    <message>
        <source>Waiting for the workspace: %1</source>
        <translation>正在等待工作区：%1</translation>
    </message>
    <message>
        <source>The workspace is back: resuming</source>
        <translation>工作区已恢复：继续进行</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Cloud::AccountFeed</name>
    <message>
        <source>%1: not in the workspace; its messages are ignored</source>
        <translation>%1：不在工作区中；将忽略其消息</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: not a status or push reply; ignored</source>
        <translation>%1：既不是状态消息也不是推送应答；已忽略</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Cloud::AmqpSubscription</name>
    <message>
        <source>a message of %1 bytes on %2 exceeds the limit of %3 bytes</source>
        <translation>%2 上一条 %1 字节的消息超出了 %3 字节的上限</translation>
    </message>
    <message>
        <source>a message on %1 has a body that is neither bytes nor text</source>
        <translation>%1 上一条消息的消息体既不是字节也不是文本</translation>
    </message>
    <message>
        <source>a message without a topic property</source>
        <translation>一条没有 topic 属性的消息</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message numerus="yes">
        <source>no receiver link within %n s: the host did not answer in time</source>
        <translation>
            <numerusform>%n 秒内未建立接收链路：主机未及时响应</numerusform>
        </translation>
    </message>
    <message>
        <source>connecting to %1:%2</source>
        <translation>正在连接 %1:%2</translation>
    </message>
    <message>
        <source>connected to %1:%2</source>
        <translation>已连接到 %1:%2</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>已停止：%1</translation>
    </message>
    <message numerus="yes">
        <source>retrying in %n s: %1</source>
        <translation>
            <numerusform>%n 秒后重试：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>服务器关闭了连接</translation>
    </message>
    <message>
        <source>refused because of the time: this computer&apos;s clock and the platform&apos;s differ too much (clock skew); correct the system time (the server said: %1)</source>
        <translation>因时间问题被拒绝：本机时钟与平台时钟相差过大（时钟偏差）；请校正系统时间（服务器返回：%1）</translation>
    </message>
    <message>
        <source>refused: the consumer group is unknown; check its ID and that it belongs to this instance (the server said: %1)</source>
        <translation>被拒绝：消费组不存在；请检查其 ID，并确认它属于此实例（服务器返回：%1）</translation>
    </message>
    <message>
        <source>refused: the instance ID is wrong (the server said: %1)</source>
        <translation>被拒绝：实例 ID 错误（服务器返回：%1）</translation>
    </message>
    <message>
        <source>refused: wrong AccessKey ID or AccessKey Secret, the signature did not match (the server said: %1)</source>
        <translation>被拒绝：AccessKey ID 或 AccessKey Secret 错误，签名不匹配（服务器返回：%1）</translation>
    </message>
    <message>
        <source>the server&apos;s TLS certificate could not be verified; check the CA certificate and the host name (%1)</source>
        <translation>无法验证服务器的 TLS 证书；请检查 CA 证书和主机名（%1）</translation>
    </message>
    <message>
        <source>the host cannot be reached (%1)</source>
        <translation>无法访问主机（%1）</translation>
    </message>
    <message>
        <source>the server refused a connection setting (%1)</source>
        <translation>服务器拒绝了某项连接设置（%1）</translation>
    </message>
    <message>
        <source>the connection ended: %1</source>
        <translation>连接已结束：%1</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Cloud::CloudFleetImport</name>
    <message>
        <source>Reading the products…</source>
        <translation>正在读取产品…</translation>
    </message>
    <message>
        <source>The account has no product %1 in this region or instance.</source>
        <translation>该账号在此地域或实例中没有产品 %1。</translation>
    </message>
    <message>
        <source>Reading the devices of %1…</source>
        <translation>正在读取 %1 的设备…</translation>
    </message>
    <message>
        <source>Reading the DeviceSecrets of %1…</source>
        <translation>正在读取 %1 的 DeviceSecret…</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Cloud::CloudSession</name>
    <message>
        <source>%1/%2: %3</source>
        <translation>%1/%2：%3</translation>
    </message>
    <message>
        <source>%1 is listed twice; two connections as one identity kick each other offline</source>
        <translation>%1 被列出了两次；以同一身份建立的两个连接会互相挤下线</translation>
    </message>
    <message>
        <source>no answer from %1:%2 within %3 s</source>
        <translation>%3 秒内 %1:%2 没有响应</translation>
    </message>
    <message>
        <source>the connection attempt ended</source>
        <translation>连接尝试已结束</translation>
    </message>
    <message>
        <source>unchanged from the version held before</source>
        <translation>与之前持有的版本相同</translation>
    </message>
    <message>
        <source>the version held before (%1) is not stored; no diff</source>
        <translation>之前持有的版本（%1）未保存；无法对比</translation>
    </message>
    <message>
        <source>binary content changed</source>
        <translation>二进制内容已更改</translation>
    </message>
    <message>
        <source>JSON: %1; lines: +%2 -%3</source>
        <translation>JSON：%1；行：+%2 -%3</translation>
    </message>
    <message>
        <source>lines: +%1 -%2</source>
        <translation>行：+%1 -%2</translation>
    </message>
    <message>
        <source>%1 is not connected in this session</source>
        <translation>%1 在此会话中未连接</translation>
    </message>
    <message>
        <source>the platform closed the connection: another client may have connected with the same identity (%1)</source>
        <translation>平台关闭了连接：可能有其他客户端以相同身份建立了连接（%1）</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>kicked offline</source>
        <translation>被挤下线</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>ConfigDeck is about to connect as device identities (%1 in all). The platform allows one connection per identity: if a real device is online with the same identity, the platform disconnects it, and it stays offline for as long as ConfigDeck holds the connection (its own reconnection may then kick ConfigDeck off in turn). Use test identities, or devices you know to be offline.</source>
        <translation>ConfigDeck 即将以设备身份建立连接（共 %1 个）。平台对每个身份只允许一个连接：如果有真实设备以相同身份在线，平台会断开该设备的连接，并且在 ConfigDeck 保持连接期间该设备将一直离线（该设备自身的重连也可能反过来把 ConfigDeck 挤下线）。请使用测试身份，或确认已离线的设备。</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Roles::DeviceAgent</name>
    <message>
        <source>no push %1 is waiting for a reply</source>
        <translation>没有等待应答的推送 %1</translation>
    </message>
    <message>
        <source>expected %1 bytes, got %2</source>
        <translation>应为 %1 字节，实际为 %2 字节</translation>
    </message>
    <message>
        <source>expected %1 bytes, got more (%2)</source>
        <translation>应为 %1 字节，实际更多（%2）</translation>
    </message>
    <message>
        <source>sign mismatch: expected %1, got %2</source>
        <translation>签名不符：应为 %1，实际为 %2</translation>
    </message>
    <message>
        <source>refused by the device&apos;s fault profile</source>
        <translation>被设备的故障配置拒绝</translation>
    </message>
    <message>
        <source>no request with id %1 is pending; reply ignored</source>
        <translation>没有 id 为 %1 的待处理请求；已忽略该应答</translation>
    </message>
    <message>
        <source>the configuration verified but could not be applied</source>
        <translation>配置已校验通过，但无法应用</translation>
    </message>
    <message numerus="yes">
        <source>%n download(s) already running; this one was not started</source>
        <translation>
            <numerusform>已有 %n 个下载正在进行；本次下载未启动</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Roles::PlatformService</name>
    <message>
        <source>the configuration file is empty</source>
        <translation>配置文件为空</translation>
    </message>
    <message>
        <source>the configuration is %1 bytes; the limit is %2 bytes</source>
        <translation>配置大小为 %1 字节，上限为 %2 字节</translation>
    </message>
    <message>
        <source>the configuration must be JSON: %1</source>
        <translation>配置必须是 JSON：%1</translation>
    </message>
    <message>
        <source>product %1 is not known</source>
        <translation>未知产品 %1</translation>
    </message>
    <message>
        <source>remote configuration is switched off for product %1</source>
        <translation>产品 %1 的远程配置已关闭</translation>
    </message>
    <message>
        <source>product %1 has no configuration to push</source>
        <translation>产品 %1 没有可推送的配置</translation>
    </message>
    <message>
        <source>product %1 has no known devices to push to</source>
        <translation>产品 %1 没有可推送的已知设备</translation>
    </message>
    <message>
        <source>with Alibaba limits a push goes to the whole product, not to single devices</source>
        <translation>在阿里云限制下，推送面向整个产品，而不是单个设备</translation>
    </message>
    <message>
        <source>product %1 was pushed %2 min ago; the next push is allowed in %3 min</source>
        <translation>产品 %1 在 %2 分钟前已推送过；%3 分钟后才允许再次推送</translation>
    </message>
    <message>
        <source>this configuration file was already pushed to product %1</source>
        <translation>此配置文件已推送到产品 %1</translation>
    </message>
    <message>
        <source>not connected to the broker</source>
        <translation>未连接到 Broker</translation>
    </message>
    <message>
        <source>the broker connection was lost while pushing</source>
        <translation>推送时与 Broker 的连接已断开</translation>
    </message>
    <message>
        <source>duplicate reply to push %1; ignored</source>
        <translation>推送 %1 的重复应答；已忽略</translation>
    </message>
    <message>
        <source>no push with id %1 was sent to %2/%3; ignored</source>
        <translation>未向 %2/%3 发送过 id 为 %1 的推送；已忽略</translation>
    </message>
    <message>
        <source>one message id per device is needed</source>
        <translation>每台设备需要一个消息 ID</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Roles::RolloutRunner</name>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>the rollout has no devices</source>
        <translation>分批发布中没有设备</translation>
    </message>
    <message>
        <source>must be at least 1</source>
        <translation>必须至少为 1</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>must be at least 100 ms</source>
        <translation>必须至少为 100 毫秒</translation>
    </message>
    <message>
        <source>must be between 0 and 100%</source>
        <translation>必须在 0 到 100% 之间</translation>
    </message>
    <message>
        <source>the rollout has already started</source>
        <translation>分批发布已经开始</translation>
    </message>
    <message>
        <source>with Alibaba limits a push goes to the whole product at once: staged rollouts need the limits switched off</source>
        <translation>在阿里云限制下，推送会一次性面向整个产品：分批发布需要关闭这些限制</translation>
    </message>
    <message>
        <source>cancelled by the operator</source>
        <translation>已被操作员取消</translation>
    </message>
    <message>
        <source>aborted: %1 of %2 devices failed, above the %3% threshold</source>
        <translation>已中止：%2 个设备中 %1 个失败，超过 %3% 的阈值</translation>
    </message>
    <message>
        <source>no reply within %1 s</source>
        <translation>%1 秒内没有应答</translation>
    </message>
    <message>
        <source>every device took the configuration</source>
        <translation>所有设备均已接受配置</translation>
    </message>
    <message>
        <source>%1 of %2 devices did not take the configuration</source>
        <translation>%2 个设备中有 %1 个未接受配置</translation>
    </message>
    <message>
        <source>late reply, after the timeout</source>
        <translation>迟到的应答（已超时）</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Roles::SharedRollout</name>
    <message>
        <source>the rollout has already started</source>
        <translation>分批发布已经开始</translation>
    </message>
    <message>
        <source>rollout %1 (&quot;%2&quot;) of product %3 is being run by %4 in a console, since %5; one rollout per product runs at a time</source>
        <translation>产品 %3 的灰度发布 %1（“%2”）正由 %4 在控制台中进行，开始于 %5；每个产品同一时间只能进行一个灰度发布</translation>
    </message>
    <message>
        <source>a console is running a rollout of product %1; one rollout per product runs at a time</source>
        <translation>有控制台正在进行产品 %1 的灰度发布；每个产品同一时间只能进行一个灰度发布</translation>
    </message>
    <message>
        <source>cancelled by %1</source>
        <translation>已被 %1 取消</translation>
    </message>
    <message>
        <source>late reply, after the timeout</source>
        <translation>迟到的应答（已超时）</translation>
    </message>
    <message>
        <source>no reply within %1 s</source>
        <translation>%1 秒内没有应答</translation>
    </message>
    <message>
        <source>pushed again: the platform process that pushed it stopped</source>
        <translation>已重新推送：原先推送它的平台进程已停止</translation>
    </message>
    <message>
        <source>aborted: %1 of %2 devices failed, above the %3% threshold</source>
        <translation>已中止：%2 个设备中 %1 个失败，超过 %3% 的阈值</translation>
    </message>
    <message>
        <source>pushed again</source>
        <translation>已重新推送</translation>
    </message>
    <message>
        <source>every device took the configuration</source>
        <translation>所有设备均已接受配置</translation>
    </message>
    <message>
        <source>%1 of %2 devices did not take the configuration</source>
        <translation>%2 个设备中有 %1 个未接受配置</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Roles::WorkspaceRecorder</name>
    <message numerus="yes">
        <source>Writing to the workspace works again. %n message(s) received meanwhile could not be kept.</source>
        <translation>
            <numerusform>工作区已恢复可写。期间收到的 %n 条消息未能保存。</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing to the workspace works again; nothing was lost.</source>
        <translation>工作区已恢复可写；没有丢失任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>Cannot write to the workspace: %1. What arrives is kept in memory (at most %n message(s)) and written as soon as writing works again.</source>
        <translation>
            <numerusform>无法写入工作区：%1。新收到的内容暂存在内存中（最多 %n 条消息），一旦恢复可写即写入工作区。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Session::CloudWorkbench</name>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1/%2 was refused: %3</source>
        <translation>%1/%2 被拒绝：%3</translation>
    </message>
    <message>
        <source>%1/%2 was refused: %3 %4</source>
        <translation>%1/%2 被拒绝：%3 %4</translation>
    </message>
    <message>
        <source>%1/%2 was kicked offline: %3. ConfigDeck does not reconnect by itself, so that the other connection keeps the identity; connect as it again when you want it back.</source>
        <translation>%1/%2 被踢下线：%3。ConfigDeck 不会自动重连，以便另一个连接保有该身份；需要时请重新以该身份连接。</translation>
    </message>
    <message>
        <source>%1/%2: %3</source>
        <translation>%1/%2：%3</translation>
    </message>
    <message>
        <source>%1/%2: %3: %4</source>
        <translation>%1/%2：%3：%4</translation>
    </message>
    <message>
        <source>%1/%2 is %3; connect it again first.</source>
        <translation>%1/%2 处于%3状态；请先重新连接。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1/%2: the platform answered %3. %4</source>
        <translation>%1/%2：平台应答 %3。%4</translation>
    </message>
    <message>
        <source>%1/%2: the request %3 ended with %4</source>
        <translation>%1/%2：请求 %3 以 %4 结束</translation>
    </message>
    <message>
        <source>%1/%2: the push %3 was answered %4</source>
        <translation>%1/%2：推送 %3 的应答为 %4</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>nothing held before</source>
        <translation>之前未持有配置</translation>
    </message>
    <message>
        <source>%1/%2 downloaded and verified %3 (%4 bytes); it held no configuration before.</source>
        <translation>%1/%2 已下载并校验 %3（%4 字节）；之前未持有配置。</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>held before (%1)</source>
        <translation>之前持有（%1）</translation>
    </message>
    <message>
        <source>held before (%1, not stored)</source>
        <translation>之前持有（%1，未存储）</translation>
    </message>
    <message>
        <source>%1/%2 downloaded and verified %3 (%4 bytes): %5</source>
        <translation>%1/%2 已下载并校验 %3（%4 字节）：%5</translation>
    </message>
    <message>
        <source>%1/%2: %3 verified but not kept in the workspace: %4</source>
        <translation>%1/%2：%3 已校验，但未保存到工作区：%4</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Session::ConsoleSession</name>
    <message>
        <source>no workspace is open</source>
        <translation>没有打开的工作区</translation>
    </message>
    <message>
        <source>cannot delete %1: %2</source>
        <translation>无法删除 %1：%2</translation>
    </message>
    <message>
        <source>The file server cannot listen on %1: %2</source>
        <translation>文件服务器无法在 %1 上监听：%2</translation>
    </message>
    <message>
        <source>Ignored a message on %1: %2</source>
        <translation>已忽略 %1 上的消息：%2</translation>
    </message>
    <message>
        <source>%1: the published configuration was not taken: %2</source>
        <translation>%1：已发布的配置未被接受：%2</translation>
    </message>
    <message>
        <source>in-process broker</source>
        <translation>进程内 Broker</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>已连接到 %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接到 %1…</translation>
    </message>
    <message>
        <source>Reconnecting to %1…</source>
        <translation>正在重新连接到 %1…</translation>
    </message>
    <message>
        <source>Reconnecting to %1: %2</source>
        <translation>正在重新连接到 %1：%2</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>未连接：%1</translation>
    </message>
    <message>
        <source>only the Demo&apos;s simulated devices can be asked to request a configuration</source>
        <translation>只有演示中的模拟设备才能被要求请求配置</translation>
    </message>
    <message>
        <source>%1/%2 is not simulated</source>
        <translation>%1/%2 不是模拟设备</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) could not ask:</source>
        <translation>
            <numerusform>%n 个设备无法发起配置请求：</numerusform>
        </translation>
    </message>
    <message>
        <source>the platform is not running</source>
        <translation>平台未运行</translation>
    </message>
    <message>
        <source>a rollout is still running; pause or cancel it first</source>
        <translation>仍有分批发布正在进行；请先暂停或取消</translation>
    </message>
    <message>
        <source>the product %1 has no devices</source>
        <translation>产品 %1 没有设备</translation>
    </message>
    <message>
        <source>%1 rollout</source>
        <translation>%1 分批发布</translation>
    </message>
    <message>
        <source>no stored version has the SHA-256 %1</source>
        <translation>没有 SHA-256 为 %1 的已保存版本</translation>
    </message>
    <message>
        <source>The platform&apos;s catalogue could not be read: %1</source>
        <translation>无法读取平台的目录：%1</translation>
    </message>
    <message>
        <source>There is no workspace at %1.</source>
        <translation>%1 处没有工作区。</translation>
    </message>
    <message>
        <source>The workspace %1 has no key: it was never finished. Create it again.</source>
        <translation>工作区 %1 没有密钥：它从未创建完成。请重新创建。</translation>
    </message>
    <message>
        <source>the Demo holds no devices but its own</source>
        <translation>演示工作区中只有其自带的设备</translation>
    </message>
    <message>
        <source>%1 already exists</source>
        <translation>%1 已存在</translation>
    </message>
    <message>
        <source>%1/%2 is gone</source>
        <translation>%1/%2 已不存在</translation>
    </message>
    <message>
        <source>only the Demo workspace can be reset</source>
        <translation>只有演示工作区可以重置</translation>
    </message>
    <message>
        <source>The file server is off: its certificate cannot be used: %1</source>
        <translation>文件服务器未运行：其证书无法使用：%1</translation>
    </message>
    <message>
        <source>Ignored a message of the account subscription on %1: %2</source>
        <translation>已忽略账号订阅在 %1 上的一条消息：%2</translation>
    </message>
    <message>
        <source>this workspace has no Alibaba Cloud account yet: set one up first</source>
        <translation>此工作区尚未设置阿里云账号：请先进行设置</translation>
    </message>
    <message>
        <source>the account profile names no AMQP consumer group: add the consumer group of the server-side subscription to the profile</source>
        <translation>账号信息中未指定 AMQP 消费组：请将服务端订阅的消费组添加到账号信息中</translation>
    </message>
    <message>
        <source>not watching the account</source>
        <translation>未监听账号</translation>
    </message>
    <message>
        <source>no shared workspace is open</source>
        <translation>没有打开共享工作区</translation>
    </message>
    <message>
        <source>rollout %1 of %2 is running already</source>
        <translation>%2 的灰度发布 %1 已在进行中</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Session::RolloutClaim</name>
    <message>
        <source>A rollout of %1 is being started by another console or platform process.</source>
        <translation>另一个控制台或平台进程正在开始 %1 的灰度发布。</translation>
    </message>
    <message>
        <source>abandoned: the console running it closed</source>
        <translation>已放弃：进行它的控制台已关闭</translation>
    </message>
    <message>
        <source>abandoned: the platform processes running it stopped</source>
        <translation>已放弃：进行它的平台进程已停止</translation>
    </message>
    <message>
        <source>The database restarted and another console or platform process took the rollout of %1 meanwhile: this console&apos;s rollout stops.</source>
        <translation>数据库已重启，在此期间另一个控制台或平台进程接手了 %1 的灰度发布：本控制台的灰度发布停止。</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Store::FleetModel</name>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>已请求</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>已推送</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>下载中</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已校验</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>已应用</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1: a code ConfigDeck does not know (%2)</source>
        <translation>%1：ConfigDeck 不认识的返回码（%2）</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
    <message>
        <source>configId %1
SHA-256 %2</source>
        <translation>configId %1
SHA-256 %2</translation>
    </message>
    <message>
        <source>ProductKey</source>
        <translation>ProductKey</translation>
    </message>
    <message>
        <source>DeviceName</source>
        <translation>DeviceName</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last code</source>
        <translation>最近返回码</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>最近消息</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Transfer::DownloadJob</name>
    <message>
        <source>the download did not finish within %1 s (%2)</source>
        <translation>下载未在 %1 秒内完成（%2）</translation>
    </message>
    <message>
        <source>no data arrived for %1 s (%2)</source>
        <translation>%1 秒内没有收到数据（%2）</translation>
    </message>
    <message>
        <source>the URL &quot;%1&quot; is not an http or https URL</source>
        <translation>URL“%1”不是 http 或 https URL</translation>
    </message>
    <message>
        <source>the expected size (configSize) %1 is negative</source>
        <translation>预期大小（configSize）%1 为负数</translation>
    </message>
    <message>
        <source>this device cannot verify files signed with %1; it accepts %2</source>
        <translation>此设备无法校验以 %1 签名的文件；它接受 %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>no network access is available</source>
        <translation>无可用的网络访问</translation>
    </message>
    <message>
        <source>the download was canceled (%1)</source>
        <translation>下载已取消（%1）</translation>
    </message>
    <message>
        <source>the server announced %1 bytes (Content-Length), more than the expected %2 bytes (configSize); the download was stopped before the body</source>
        <translation>服务器声明 %1 字节（Content-Length），超过预期的 %2 字节（configSize）；已在接收正文前停止下载</translation>
    </message>
    <message>
        <source>the server sent more than the expected %1 bytes (configSize): %2 bytes had arrived when the download was stopped</source>
        <translation>服务器发送的数据超过预期的 %1 字节（configSize）：停止下载时已收到 %2 字节</translation>
    </message>
    <message>
        <source>received %1 of %2 bytes</source>
        <translation>已接收 %1/%2 字节</translation>
    </message>
    <message>
        <source>the TLS connection to %1 failed: %2</source>
        <translation>与 %1 的 TLS 连接失败：%2</translation>
    </message>
    <message>
        <source>refused to follow a redirect from %1 to %2: it would drop TLS</source>
        <translation>拒绝从 %1 重定向到 %2：这会放弃 TLS</translation>
    </message>
    <message>
        <source>gave up after %1 redirects (the last one from %2): the server redirects in a loop or too often</source>
        <translation>重定向 %1 次后放弃（最后一次来自 %2）：服务器循环重定向或重定向次数过多</translation>
    </message>
    <message>
        <source>the server refused the URL with HTTP %1 %2%3</source>
        <translation>服务器拒绝了该 URL：HTTP %1 %2%3</translation>
    </message>
    <message>
        <source>the server answered HTTP %1 %2%3</source>
        <translation>服务器返回 HTTP %1 %2%3</translation>
    </message>
    <message>
        <source>expected %1 bytes, got %2</source>
        <translation>应为 %1 字节，实际为 %2 字节</translation>
    </message>
    <message>
        <source>expected %1 bytes, got %2: the server closed the connection early</source>
        <translation>应为 %1 字节，实际为 %2 字节：服务器提前关闭了连接</translation>
    </message>
    <message>
        <source>the download from %1 failed: %2</source>
        <translation>从 %1 下载失败：%2</translation>
    </message>
    <message>
        <source>the %1 of the %2 downloaded bytes is %3, but the expected sign is %4</source>
        <translation>已下载的 %2 字节的 %1 为 %3，但预期的 sign 为 %4</translation>
    </message>
    <message>
        <source>downloaded and verified %1 bytes (%2 %3)</source>
        <translation>已下载并校验 %1 字节（%2 %3）</translation>
    </message>
    <message>
        <source>the announced size (configSize) of %1 bytes is more than this device accepts (%2 bytes); nothing was downloaded</source>
        <translation>声明的大小（configSize）为 %1 字节，超过此设备可接受的大小（%2 字节）；未下载任何内容</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Transfer::FileServer</name>
    <message>
        <source>the file server cannot listen there: %1</source>
        <translation>文件服务器无法在该地址监听：%1</translation>
    </message>
    <message>
        <source>the file server cannot listen there: not an IP address</source>
        <translation>文件服务器无法在该地址监听：不是 IP 地址</translation>
    </message>
    <message>
        <source>this libmicrohttpd is built without HTTPS</source>
        <translation>当前的 libmicrohttpd 编译时未启用 HTTPS</translation>
    </message>
    <message>
        <source>libmicrohttpd did not start</source>
        <translation>libmicrohttpd 未能启动</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Transport::InProcessBroker</name>
    <message>
        <source>The connection to the in-process broker was lost (the broker is offline).</source>
        <translation>与进程内 Broker 的连接已断开（Broker 离线）。</translation>
    </message>
    <message>
        <source>The connection to the in-process broker was lost.</source>
        <translation>与进程内 Broker 的连接已断开。</translation>
    </message>
    <message>
        <source>Cannot reach the in-process broker: it is offline.</source>
        <translation>无法连接进程内 Broker：Broker 离线。</translation>
    </message>
    <message>
        <source>Cannot reach the in-process broker: the network of %1 is down.</source>
        <translation>无法连接进程内 Broker：%1 的网络已中断。</translation>
    </message>
    <message>
        <source>Another client connected with the same client ID %1.</source>
        <translation>另一个客户端使用相同的客户端 ID %1 建立了连接。</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Transport::InProcessConnection</name>
    <message>
        <source>The in-process broker was shut down.</source>
        <translation>进程内 Broker 已关闭。</translation>
    </message>
    <message>
        <source>The connection is %1; disconnect it first.</source>
        <translation>连接当前为“%1”状态，请先断开连接。</translation>
    </message>
    <message>
        <source>The in-process broker is gone.</source>
        <translation>进程内 Broker 已不存在。</translation>
    </message>
    <message>
        <source>there is no subscription to %1</source>
        <translation>不存在对 %1 的订阅</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Transport::MosquittoConnection</name>
    <message>
        <source>the broker&apos;s certificate is not trusted: it is not signed by the configured certificate authority, has expired, or does not name this host (%1)</source>
        <translation>Broker 的证书不受信任：它不是由所配置的 CA 签发、已过期，或不包含此主机名（%1）</translation>
    </message>
    <message>
        <source>the broker does not speak TLS on this port (%1)</source>
        <translation>Broker 在此端口上不支持 TLS（%1）</translation>
    </message>
    <message>
        <source>the broker closed the connection during the TLS handshake; it may not speak TLS on this port or may want a client certificate (%1)</source>
        <translation>Broker 在 TLS 握手期间关闭了连接；它可能在此端口上不支持 TLS，或要求客户端证书（%1）</translation>
    </message>
    <message>
        <source>the TLS handshake did not complete</source>
        <translation>TLS 握手未完成</translation>
    </message>
    <message>
        <source>The connection is %1; disconnect it first.</source>
        <translation>连接当前为“%1”状态，请先断开连接。</translation>
    </message>
    <message>
        <source>libmosquitto cannot create a client: %1</source>
        <translation>libmosquitto 无法创建客户端：%1</translation>
    </message>
    <message>
        <source>the certificate files cannot be used (%1)</source>
        <translation>证书文件无法使用（%1）</translation>
    </message>
    <message>
        <source>Too many open connections in this process for one more TLS handshake (socket %1, the limit is %2).</source>
        <translation>本进程打开的连接过多，无法再进行 TLS 握手（套接字 %1，上限为 %2）。</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed: %2.</source>
        <translation>与 %1 的 TLS 连接失败：%2。</translation>
    </message>
    <message>
        <source>Cannot reach the broker at %1: %2.</source>
        <translation>无法连接位于 %1 的 Broker：%2。</translation>
    </message>
    <message>
        <source>The connection to the broker at %1 was lost.</source>
        <translation>与位于 %1 的 Broker 的连接已断开。</translation>
    </message>
    <message>
        <source>The broker at %1 stopped answering (nothing within the keep-alive time).</source>
        <translation>位于 %1 的 Broker 停止响应（在心跳时间内没有任何响应）。</translation>
    </message>
    <message>
        <source>Cannot find the broker&apos;s host name %1.</source>
        <translation>找不到 Broker 的主机名 %1。</translation>
    </message>
    <message>
        <source>The broker at %1 broke the MQTT protocol.</source>
        <translation>位于 %1 的 Broker 违反了 MQTT 协议。</translation>
    </message>
    <message>
        <source>The broker at %1 closed the connection: %2 (code %3).</source>
        <translation>位于 %1 的 Broker 关闭了连接：%2（代码 %3）。</translation>
    </message>
    <message>
        <source>The connection to the broker at %1 ended: %2.</source>
        <translation>与位于 %1 的 Broker 的连接已结束：%2。</translation>
    </message>
    <message>
        <source>there is no subscription to %1</source>
        <translation>不存在对 %1 的订阅</translation>
    </message>
    <message>
        <source>The connection was deleted while publishing.</source>
        <translation>连接在发布消息时被删除。</translation>
    </message>
    <message>
        <source>The message to %1 was not sent: %2.</source>
        <translation>发往 %1 的消息未发送：%2。</translation>
    </message>
    <message>
        <source>The broker did not accept message %1: %2 (code %3).</source>
        <translation>Broker 未接受消息 %1：%2（代码 %3）。</translation>
    </message>
    <message>
        <source>The broker refused the subscription to %1: %2 (code %3).</source>
        <translation>Broker 拒绝了对 %1 的订阅：%2（代码 %3）。</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Transport::MqttConnection</name>
    <message>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>正在重连</translation>
    </message>
    <message>
        <source>the QoS must be 0 or 1, not %1</source>
        <translation>QoS 必须为 0 或 1，而不是 %1</translation>
    </message>
    <message>
        <source>Not connected to the broker (%1): the message to %2 was not sent.</source>
        <translation>未连接到 Broker（%1）：发往 %2 的消息未发送。</translation>
    </message>
    <message>
        <source>the message has %1 bytes, more than the %2 bytes allowed; it was dropped unread</source>
        <translation>消息大小为 %1 字节，超过允许的 %2 字节；已直接丢弃，未读取其内容</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Transport::MqttReason</name>
    <message>
        <source>unacceptable protocol version</source>
        <translation>不可接受的协议版本</translation>
    </message>
    <message>
        <source>client identifier rejected</source>
        <translation>客户端标识符被拒绝</translation>
    </message>
    <message>
        <source>server unavailable</source>
        <translation>服务器不可用</translation>
    </message>
    <message>
        <source>bad user name or password</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <source>not authorized</source>
        <translation>未授权</translation>
    </message>
    <message>
        <source>disconnected with will message</source>
        <translation>断开连接并发送遗嘱消息</translation>
    </message>
    <message>
        <source>unspecified error</source>
        <translation>未指明的错误</translation>
    </message>
    <message>
        <source>malformed packet</source>
        <translation>报文格式错误</translation>
    </message>
    <message>
        <source>protocol error</source>
        <translation>协议错误</translation>
    </message>
    <message>
        <source>implementation specific error</source>
        <translation>实现特定的错误</translation>
    </message>
    <message>
        <source>unsupported protocol version</source>
        <translation>不支持的协议版本</translation>
    </message>
    <message>
        <source>client identifier not valid</source>
        <translation>客户端标识符无效</translation>
    </message>
    <message>
        <source>server busy</source>
        <translation>服务器繁忙</translation>
    </message>
    <message>
        <source>banned</source>
        <translation>已被禁止</translation>
    </message>
    <message>
        <source>server shutting down</source>
        <translation>服务器正在关闭</translation>
    </message>
    <message>
        <source>bad authentication method</source>
        <translation>认证方法错误</translation>
    </message>
    <message>
        <source>keep-alive timeout</source>
        <translation>心跳超时</translation>
    </message>
    <message>
        <source>session taken over by another client with the same client ID</source>
        <translation>会话被使用相同客户端 ID 的另一个客户端接管</translation>
    </message>
    <message>
        <source>topic name invalid</source>
        <translation>Topic 名称无效</translation>
    </message>
    <message>
        <source>packet too large</source>
        <translation>报文过大</translation>
    </message>
    <message>
        <source>quota exceeded</source>
        <translation>超出配额</translation>
    </message>
    <message>
        <source>payload format invalid</source>
        <translation>消息体格式无效</translation>
    </message>
    <message>
        <source>retain not supported</source>
        <translation>不支持保留消息</translation>
    </message>
    <message>
        <source>QoS not supported</source>
        <translation>不支持该 QoS</translation>
    </message>
    <message>
        <source>use another server</source>
        <translation>请使用其他服务器</translation>
    </message>
    <message>
        <source>server moved</source>
        <translation>服务器已迁移</translation>
    </message>
    <message>
        <source>connection rate exceeded</source>
        <translation>超出连接速率限制</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::AboutDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>About ConfigDeck</source>
        <translation>关于 ConfigDeck</translation>
    </message>
    <message>
        <source>Remote-configuration console for IoT device fleets that speak the Alink protocol.</source>
        <translation>面向使用 Alink 协议的物联网设备群的远程配置控制台。</translation>
    </message>
    <message>
        <source>Built with Qt %1 by %2 (%3); running on Qt %4.
Operating system: %5.</source>
        <translation>使用 Qt %1 由 %2 构建（%3）；运行于 Qt %4。
操作系统：%5。</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>库</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>库</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Copy the version, build, environment and library versions as text</source>
        <translation>以文本形式复制版本、构建、环境和库版本信息</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::AccountCountModel</name>
    <message>
        <source>No answer yet × %1</source>
        <translation>尚未应答 × %1</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) have not answered yet. Click to show them.</source>
        <translation>
            <numerusform>%n 个设备尚未应答。点击以显示这些设备。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %2: %3
%n device(s). Click to show them.</source>
        <translation>
            <numerusform>%1 %2：%3
%n 个设备。点击以显示这些设备。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::AccountDeviceModel</name>
    <message>
        <source>No answer yet</source>
        <translation>尚未应答</translation>
    </message>
    <message>
        <source>A code ConfigDeck does not know</source>
        <translation>ConfigDeck 不认识的返回码</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>The device has not answered yet.</source>
        <translation>该设备尚未应答。</translation>
    </message>
    <message>
        <source>%1: a code ConfigDeck does not know (%2)</source>
        <translation>%1：ConfigDeck 不认识的返回码（%2）</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
    <message>
        <source>When the answer arrived. For an answer stored before the account was watched: the time of the device&apos;s last message the workspace holds.</source>
        <translation>应答到达的时间。对于开始监听账号之前保存的应答：为工作区中该设备最近一条消息的时间。</translation>
    </message>
    <message>
        <source>DeviceName</source>
        <translation>DeviceName</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>应答</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Answered at</source>
        <translation>应答时间</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::AccountProfileDialog</name>
    <message>
        <source>Alibaba Cloud account</source>
        <translation>阿里云账号</translation>
    </message>
    <message>
        <source>empty for the region&apos;s public instance; iot-… for Enterprise Edition</source>
        <translation>地域的公共实例留空；企业版实例填写 iot-…</translation>
    </message>
    <message>
        <source>the server-side subscription&apos;s consumer group ID</source>
        <translation>服务端订阅的消费组 ID</translation>
    </message>
    <message>
        <source>needed for the public instance&apos;s AMQP endpoint</source>
        <translation>公共实例的 AMQP 接入点需要此项</translation>
    </message>
    <message>
        <source>the platform&apos;s AMQP endpoint</source>
        <translation>平台的 AMQP 接入点</translation>
    </message>
    <message>
        <source>5671 (default)</source>
        <translation>5671（默认）</translation>
    </message>
    <message>
        <source>the system&apos;s roots</source>
        <translation>系统的根证书</translation>
    </message>
    <message>
        <source>&lt;p&gt;Create a &lt;b&gt;RAM user&lt;/b&gt; for ConfigDeck with &lt;b&gt;least privilege&lt;/b&gt;: read-only IoT OpenAPI access (the system policy &lt;b&gt;AliyunIOTReadOnlyAccess&lt;/b&gt;) and nothing else, and give ConfigDeck that user&apos;s AccessKey. The live view also needs a &lt;b&gt;consumer group&lt;/b&gt; of the server-side subscription (device status and downlink replies).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Never use the account&apos;s main AccessKey&lt;/b&gt;: it can do everything in the account, and cannot be limited.&lt;/p&gt;&lt;p&gt;The AccessKey Secret is sealed with this workspace&apos;s key; it is never shown, written to settings files, logs, support bundles or exports.&lt;/p&gt;</source>
        <translation>&lt;p&gt;为 ConfigDeck 创建一个遵循&lt;b&gt;最小权限&lt;/b&gt;原则的 &lt;b&gt;RAM 用户&lt;/b&gt;：只授予只读的物联网 OpenAPI 访问权限（系统策略 &lt;b&gt;AliyunIOTReadOnlyAccess&lt;/b&gt;），不授予其他任何权限，并将该用户的 AccessKey 提供给 ConfigDeck。实时视图还需要服务端订阅的一个&lt;b&gt;消费组&lt;/b&gt;（设备状态和下行应答）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;切勿使用主账号的 AccessKey&lt;/b&gt;：它可以操作账号中的一切，且无法加以限制。&lt;/p&gt;&lt;p&gt;AccessKey Secret 使用此工作区的密钥加密保存；它从不显示，也不会写入设置文件、日志、支持包或导出文件。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Region ID:</source>
        <translation>地域 ID(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Instance ID:</source>
        <translation>实例 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>AccessKey &amp;ID:</source>
        <translation>AccessKey ID(&amp;I)：</translation>
    </message>
    <message>
        <source>AccessKey &amp;Secret:</source>
        <translation>AccessKey Secret(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Consumer group ID:</source>
        <translation>消费组 ID(&amp;C)：</translation>
    </message>
    <message>
        <source>Account &amp;UID:</source>
        <translation>账号 UID(&amp;U)：</translation>
    </message>
    <message>
        <source>Advanced: endpoints (tests, private deployments)</source>
        <translation>高级：接入点（测试、私有部署）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>OpenAPI address:</source>
        <translation>OpenAPI 地址：</translation>
    </message>
    <message>
        <source>AMQP host:</source>
        <translation>AMQP 主机：</translation>
    </message>
    <message>
        <source>AMQP port:</source>
        <translation>AMQP 端口：</translation>
    </message>
    <message>
        <source>CA certificate file:</source>
        <translation>CA 证书文件：</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>stored, sealed: leave empty to keep it</source>
        <translation>已加密保存：留空则保持不变</translation>
    </message>
    <message>
        <source>shown once when the AccessKey is created</source>
        <translation>仅在创建 AccessKey 时显示一次</translation>
    </message>
    <message>
        <source>enter the AccessKey Secret</source>
        <translation>请输入 AccessKey Secret</translation>
    </message>
    <message>
        <source>the workspace is locked: unlock it to store the AccessKey Secret</source>
        <translation>工作区已锁定：请先解锁，才能保存 AccessKey Secret</translation>
    </message>
    <message>
        <source>Cannot save yet: %1.</source>
        <translation>暂时无法保存：%1。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::AccountView</name>
    <message>
        <source>Watch a new push</source>
        <translation>跟踪新的推送</translation>
    </message>
    <message>
        <source>Show stored answers</source>
        <translation>显示已保存的应答</translation>
    </message>
    <message>
        <source>Push in the cloud console right after this: every device shows &quot;no answer yet&quot; until its answer arrives</source>
        <translation>点击后请立即在云端控制台中推送：每台设备都会显示“尚未应答”，直到其应答到达</translation>
    </message>
    <message>
        <source>Filter by DeviceName</source>
        <translation>按 DeviceName 筛选</translation>
    </message>
    <message>
        <source>This product has no devices in the workspace.</source>
        <translation>该产品在工作区中没有设备。</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>产品(&amp;P)：</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 (not in the workspace)</source>
        <translation>%1（不在工作区中）</translation>
    </message>
    <message>
        <source>The answers appear here as they arrive (since %1).</source>
        <translation>应答到达后会显示在这里（自 %1 起）。</translation>
    </message>
    <message>
        <source>Set up the account…</source>
        <translation>设置账号…</translation>
    </message>
    <message>
        <source>Watch live</source>
        <translation>实时监听</translation>
    </message>
    <message>
        <source>Not watching the account: the answers shown are those stored in the workspace. %1 to see answers and online changes as they happen (%2: AccessKey and AMQP consumer group).</source>
        <translation>未监听账号：显示的是工作区中保存的应答。%1 可实时查看应答和上下线变化（%2：AccessKey 和 AMQP 消费组）。</translation>
    </message>
    <message>
        <source>Not watching the account: %1. %2 · %3</source>
        <translation>未监听账号：%1。%2 · %3</translation>
    </message>
    <message>
        <source>Connecting to the account&apos;s server-side subscription…</source>
        <translation>正在连接账号的服务端订阅…</translation>
    </message>
    <message>
        <source>Connected to the account&apos;s server-side subscription: answers and online changes arrive live.</source>
        <translation>已连接到账号的服务端订阅：应答和上下线变化将实时到达。</translation>
    </message>
    <message numerus="yes">
        <source>Retrying in %n s</source>
        <translation>
            <numerusform>%n 秒后重试</numerusform>
        </translation>
    </message>
    <message>
        <source>Retrying now</source>
        <translation>正在重试</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1。</translation>
    </message>
    <message>
        <source>%1 because %2.</source>
        <translation>%1，原因：%2。</translation>
    </message>
    <message>
        <source>Watching a new push since %1: every device shows “no answer yet” until it answers after that time. “Show stored answers” goes back to each device&apos;s latest answer.</source>
        <translation>自 %1 起跟踪新的推送：每台设备都显示“尚未应答”，直到它在该时间之后应答。“显示已保存的应答”可回到每台设备的最新应答。</translation>
    </message>
    <message>
        <source>Each device shows its latest answer as stored: the cloud does not tell ConfigDeck when a push was made in its console. Click “Watch a new push” just before you push there: every device then shows “no answer yet” until it answers.</source>
        <translation>每台设备显示其已保存的最新应答：在云端控制台中发起推送时，云端不会通知 ConfigDeck。请在那里推送之前点击“跟踪新的推送”：之后每台设备都会显示“尚未应答”，直到它应答。</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s), %1 online, %2 answered:</source>
        <translation>
            <numerusform>%n 个设备，%1 个在线，%2 个已应答：</numerusform>
        </translation>
    </message>
    <message>
        <source>All answers</source>
        <translation>所有应答</translation>
    </message>
    <message>
        <source>200 (applied)</source>
        <translation>200（已应用）</translation>
    </message>
    <message>
        <source>Any other code (failed)</source>
        <translation>其他任何返回码（失败）</translation>
    </message>
    <message>
        <source>No answer yet</source>
        <translation>尚未应答</translation>
    </message>
    <message>
        <source>Only %1 %2</source>
        <translation>仅 %1 %2</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::AddDeviceDialog</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Add devices</source>
        <translation>添加设备</translation>
    </message>
    <message>
        <source>e.g. a1B2c3D4e5F</source>
        <translation>例如 a1B2c3D4e5F</translation>
    </message>
    <message>
        <source>4 to 32 of: letters, digits, - _ @ . :</source>
        <translation>4 到 32 个字符：字母、数字、- _ @ . :</translation>
    </message>
    <message>
        <source>from the platform&apos;s device page</source>
        <translation>可在平台的设备详情页获取</translation>
    </message>
    <message>
        <source>The three values are checked as a CSV import checks them. The DeviceSecret is stored sealed with the workspace&apos;s key and is not shown again unless you reveal it.</source>
        <translation>这三个值的检查方式与 CSV 导入相同。DeviceSecret 使用工作区密钥加密保存，除非您选择显示，否则不会再次显示。</translation>
    </message>
    <message>
        <source>One device</source>
        <translation>单个设备</translation>
    </message>
    <message>
        <source>One device per line: ProductKey,DeviceName,DeviceSecret. A header line naming the columns may come first, as in the platform&apos;s CSV file.</source>
        <translation>每行一个设备：ProductKey,DeviceName,DeviceSecret。第一行可以是列名表头，与平台的 CSV 文件相同。</translation>
    </message>
    <message>
        <source>Paste lines</source>
        <translation>粘贴多行</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Paste one device per line.</source>
        <translation>请粘贴设备，每行一个。</translation>
    </message>
    <message>
        <source>Fill in the three fields.</source>
        <translation>请填写这三个字段。</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Product %1 is not in the workspace yet: it will be added.</source>
        <translation>产品 %1 尚不在工作区中：将一并添加该产品。</translation>
    </message>
    <message>
        <source>This device cannot be added:</source>
        <translation>无法添加此设备：</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) cannot be added; nothing will be added until every line is right.</source>
        <translation>
            <numerusform>%n 行无法添加；在所有行都正确之前，不会添加任何内容。</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready to add %1/%2.</source>
        <translation>可以添加 %1/%2。</translation>
    </message>
    <message>
        <source>Ready to add %1/%2 and its new product %1.</source>
        <translation>可以添加 %1/%2 及其新产品 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) ready to add</source>
        <translation>
            <numerusform>%n 个设备可以添加</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n new product(s) will be added</source>
        <translation>
            <numerusform>；将新增 %n 个产品</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::CloudDeviceModel</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>configId %1
SHA-256 %2</source>
        <translation>configId %1
SHA-256 %2</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <source>ProductKey</source>
        <translation>ProductKey</translation>
    </message>
    <message>
        <source>DeviceName</source>
        <translation>DeviceName</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Configuration held</source>
        <translation>持有的配置</translation>
    </message>
    <message>
        <source>Last code</source>
        <translation>最近返回码</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>最近事件</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::CloudImportDialog</name>
    <message>
        <source>Also import the &amp;DeviceSecrets (sealed in this workspace)</source>
        <translation>同时导入 DeviceSecret（加密保存在此工作区中）(&amp;D)</translation>
    </message>
    <message>
        <source>Read the &amp;online state</source>
        <translation>读取在线状态(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Read from Alibaba Cloud</source>
        <translation>从阿里云读取(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Account &amp;profile…</source>
        <translation>账号信息(&amp;P)…</translation>
    </message>
    <message>
        <source>Import from Alibaba Cloud</source>
        <translation>从阿里云导入</translation>
    </message>
    <message>
        <source>Needed to connect as the devices; the RAM user then needs iot:BatchQueryDeviceDetail (part of AliyunIOTReadOnlyAccess).</source>
        <translation>以设备身份连接时需要；此时 RAM 用户需要 iot:BatchQueryDeviceDetail 权限（包含在 AliyunIOTReadOnlyAccess 中）。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Adds the account&apos;s products and devices to the workspace, and refreshes the ones it has: names, secrets when asked, online state. Nothing the workspace keeps about a device (state, versions, labels, rollouts) is dropped.</source>
        <translation>将账号的产品和设备添加到工作区，并刷新工作区中已有的产品和设备：名称、DeviceSecret（如选择导入）、在线状态。工作区中保存的设备信息（状态、版本、标签、分批发布）都不会丢失。</translation>
    </message>
    <message>
        <source>No Alibaba Cloud account is set for this workspace: enter it under Account profile.</source>
        <translation>此工作区尚未设置阿里云账号：请在“账号信息”中输入。</translation>
    </message>
    <message>
        <source>The account profile cannot be used: %1</source>
        <translation>账号信息无法使用：%1</translation>
    </message>
    <message>
        <source>%1 was throttled by the platform (%2); trying again in %3 s…</source>
        <translation>%1 被平台限流（%2）；%3 秒后重试…</translation>
    </message>
    <message numerus="yes">
        <source>Read %n product(s)</source>
        <translation>
            <numerusform>从阿里云读取了 %n 个产品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) from Alibaba Cloud.</source>
        <translation>
            <numerusform>%n 个设备。</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;This fleet cannot be imported:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;无法导入此设备群：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::CloudPanel</name>
    <message>
        <source>Request configuration</source>
        <translation>请求配置</translation>
    </message>
    <message>
        <source>Disconnect all</source>
        <translation>全部断开</translation>
    </message>
    <message>
        <source>Profile…</source>
        <translation>连接配置…</translation>
    </message>
    <message>
        <source>Auto-reply 200 after verification</source>
        <translation>校验通过后自动应答 200</translation>
    </message>
    <message>
        <source>Waiting for your reply</source>
        <translation>等待您应答</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>应答</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The selected identities (all online ones when none is selected) send thing/config/get</source>
        <translation>所选身份（未选择时为全部在线身份）发送 thing/config/get</translation>
    </message>
    <message>
        <source>Close every connection; the devices may then come back online</source>
        <translation>关闭所有连接；之后真实设备可重新上线</translation>
    </message>
    <message>
        <source>Region or instance, port, TLS, sign method and keep-alive</source>
        <translation>地域或实例、端口、TLS、签名方法和心跳间隔</translation>
    </message>
    <message>
        <source>Off: each verified push waits in &quot;Waiting for your reply&quot; for the code you choose, to reproduce a device&apos;s answer</source>
        <translation>关闭时：每个校验通过的推送都在“等待您应答”中等待您选择的应答码，用于重现设备的应答</translation>
    </message>
    <message>
        <source>Connections being opened at the same time; the others wait their turn</source>
        <translation>同时建立的连接数；其余连接排队等待</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Push id</source>
        <translation>推送 ID</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>The code this device answers the push with</source>
        <translation>该设备应答推送所用的应答码</translation>
    </message>
    <message>
        <source>Reply with</source>
        <translation>应答码</translation>
    </message>
    <message>
        <source>Each configuration an identity downloads and verifies appears here, compared with the version it held before.</source>
        <translation>身份下载并校验的每个配置都会显示在这里，并与其之前持有的版本比较。</translation>
    </message>
    <message>
        <source>Connections opened at once</source>
        <translation>同时建立的连接</translation>
    </message>
    <message>
        <source>Choose the devices to connect as: select them in the fleet table, then Fleet &gt; Connect as these devices on Alibaba Cloud…</source>
        <translation>请选择要以其身份连接的设备：在设备表中选中它们，然后选择“设备群 &gt; 以这些设备身份连接阿里云…”</translation>
    </message>
    <message>
        <source>Not connected: no workspace is open, and the DeviceSecrets are read from it.</source>
        <translation>未连接：没有打开的工作区，而 DeviceSecret 需从工作区读取。</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>未连接：%1</translation>
    </message>
    <message>
        <source>Connect as device identities?</source>
        <translation>以设备身份连接？</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Do not connect</source>
        <translation>不连接</translation>
    </message>
    <message>
        <source>No identity is online to request its configuration.</source>
        <translation>没有在线的身份可以请求配置。</translation>
    </message>
    <message>
        <source>Not requested: %1</source>
        <translation>未请求：%1</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>连接配置：%1</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已校验</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1/%2: no reply was sent to push %3: %4</source>
        <translation>%1/%2：未向推送 %3 发送应答：%4</translation>
    </message>
    <message>
        <source>Not connected. Select devices in the fleet table, then Fleet &gt; Connect as these devices on Alibaba Cloud…</source>
        <translation>未连接。请在设备表中选择设备，然后选择“设备群 &gt; 以这些设备身份连接阿里云…”</translation>
    </message>
    <message>
        <source>Identities: %1</source>
        <translation>身份：%1</translation>
    </message>
    <message>
        <source>online: %1</source>
        <translation>在线：%1</translation>
    </message>
    <message>
        <source>connecting: %1</source>
        <translation>连接中：%1</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <source>kicked offline: %1</source>
        <translation>被踢下线：%1</translation>
    </message>
    <message>
        <source>waiting for your reply: %1</source>
        <translation>等待您应答：%1</translation>
    </message>
    <message>
        <source>Compare as indented JSON</source>
        <translation>按缩进 JSON 比较</translation>
    </message>
    <message>
        <source>Platform configurations are often one line of JSON: compare both versions indented, keys in order. Off: the bytes as downloaded.</source>
        <translation>平台下发的配置常为单行 JSON：将两个版本缩进后按原键序比较。关闭时：按下载的原始字节比较。</translation>
    </message>
    <message>
        <source>The saved Alibaba Cloud profile is not JSON (%1); choose it again with Profile…</source>
        <translation>保存的阿里云连接配置不是 JSON（%1）；请通过“连接配置…”重新设置</translation>
    </message>
    <message>
        <source>The saved Alibaba Cloud profile cannot be used (%1); choose it again with Profile…</source>
        <translation>保存的阿里云连接配置无法使用（%1）；请通过“连接配置…”重新设置</translation>
    </message>
    <message>
        <source>Changes: %1/%2</source>
        <translation>变更：%1/%2</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::CloudProfileDialog</name>
    <message>
        <source>Use TLS (securemode 2)</source>
        <translation>使用 TLS（securemode 2）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Connect to another host (private deployments, tests)</source>
        <translation>连接到其他主机（私有部署、测试）</translation>
    </message>
    <message>
        <source>Alibaba Cloud connection profile</source>
        <translation>阿里云连接配置</translation>
    </message>
    <message>
        <source>Public instance, by region</source>
        <translation>公共实例（按地域）</translation>
    </message>
    <message>
        <source>Instance, by instance ID</source>
        <translation>实例（按实例 ID）</translation>
    </message>
    <message>
        <source>The host is {ProductKey}.iot-as-mqtt.{region}.aliyuncs.com</source>
        <translation>主机为 {ProductKey}.iot-as-mqtt.{region}.aliyuncs.com</translation>
    </message>
    <message>
        <source>The instance ID on the instance&apos;s overview page in the IoT Platform console; the host is {instanceId}.mqtt.iothub.aliyuncs.com</source>
        <translation>物联网平台控制台中实例概览页上的实例 ID；主机为 {instanceId}.mqtt.iothub.aliyuncs.com</translation>
    </message>
    <message>
        <source>Shipped GlobalSign Root CA R1</source>
        <translation>内置的 GlobalSign Root CA R1</translation>
    </message>
    <message>
        <source>A PEM file of the roots to trust instead of the shipped GlobalSign Root CA R1</source>
        <translation>一个 PEM 文件，包含要信任的根证书，用以代替内置的 GlobalSign Root CA R1</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>The platform accepts 30 to 1200 seconds</source>
        <translation>平台接受 30 到 1200 秒</translation>
    </message>
    <message>
        <source>host name or address</source>
        <translation>主机名或地址</translation>
    </message>
    <message>
        <source>the port above</source>
        <translation>上面的端口</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>接入点</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Instance ID</source>
        <translation>实例 ID</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <source>Sign method</source>
        <translation>签名方法</translation>
    </message>
    <message>
        <source>Keep-alive</source>
        <translation>心跳间隔</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Root certificates to trust</source>
        <translation>要信任的根证书</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Host: give the host to connect to, or untick &quot;%1&quot;</source>
        <translation>主机：请填写要连接的主机，或取消勾选“%1”</translation>
    </message>
    <message>
        <source>Host:      %1</source>
        <translation>主机：      %1</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>plain TCP</source>
        <translation>明文 TCP</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Select a device to see its client ID and user name.</source>
        <translation>选择一个设备以查看其 clientId 和用户名。</translation>
    </message>
    <message>
        <source>Client ID: —</source>
        <translation>Client ID：—</translation>
    </message>
    <message>
        <source>User name: —</source>
        <translation>用户名：—</translation>
    </message>
    <message>
        <source>Client ID: %1</source>
        <translation>Client ID：%1</translation>
    </message>
    <message>
        <source>User name: %1</source>
        <translation>用户名：%1</translation>
    </message>
    <message>
        <source>Client ID: — (%1)</source>
        <translation>Client ID：—（%1）</translation>
    </message>
    <message>
        <source>Region %1</source>
        <translation>地域 %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Instance %1</source>
        <translation>实例 %1</translation>
    </message>
    <message>
        <source>via %1:%2</source>
        <translation>经由 %1:%2</translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>端口 %1</translation>
    </message>
    <message>
        <source>TLS, GlobalSign Root CA R1</source>
        <translation>TLS，GlobalSign Root CA R1</translation>
    </message>
    <message>
        <source>TLS, %1</source>
        <translation>TLS，%1</translation>
    </message>
    <message>
        <source>keep-alive %1 s</source>
        <translation>心跳 %1 秒</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::CodeHistogram</name>
    <message numerus="yes">
        <source>Last reply codes — %n device(s)</source>
        <translation>
            <numerusform>最近返回码 — %n 个设备</numerusform>
        </translation>
    </message>
    <message>
        <source>No reply yet</source>
        <translation>尚无应答</translation>
    </message>
    <message>
        <source>No devices</source>
        <translation>没有设备</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;No reply yet&lt;/b&gt;&lt;br&gt;%n device(s) have not answered a request or push.</source>
        <translation>
            <numerusform>&lt;b&gt;尚无应答&lt;/b&gt;&lt;br&gt;%n 个设备尚未对请求或推送作出应答。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1 %2&lt;/b&gt; (%3)&lt;br&gt;%4&lt;br&gt;%n device(s). Click to show them.</source>
        <translation>
            <numerusform>&lt;b&gt;%1 %2&lt;/b&gt;（%3）&lt;br&gt;%4&lt;br&gt;%n 个设备。点击以显示这些设备。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::ConfigEditor</name>
    <message>
        <source>Pretty-print</source>
        <translation>格式化</translation>
    </message>
    <message>
        <source>Indent the JSON, one member per line, keeping key order</source>
        <translation>缩进 JSON，每行一个成员，保持键的顺序</translation>
    </message>
    <message>
        <source>Alibaba limits</source>
        <translation>阿里云限制</translation>
    </message>
    <message>
        <source>Alibaba Cloud IoT Platform accepts JSON files of at most 64 KB</source>
        <translation>阿里云物联网平台只接受不超过 64 KB 的 JSON 文件</translation>
    </message>
    <message>
        <source>Label, e.g. &quot;raise telemetry interval&quot;</source>
        <translation>标签，例如“增大遥测间隔”</translation>
    </message>
    <message>
        <source>Save as new version</source>
        <translation>另存为新版本</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Invalid JSON: %1</source>
        <translation>JSON 无效：%1</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>内容为空</translation>
    </message>
    <message>
        <source>Valid JSON</source>
        <translation>JSON 有效</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>Cannot pretty-print: %1</source>
        <translation>无法格式化：%1</translation>
    </message>
    <message>
        <source>Choose a product before saving a version.</source>
        <translation>保存版本前请先选择产品。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>This content is already version %1; no new version was made.</source>
        <translation>此内容已是版本 %1；未创建新版本。</translation>
    </message>
    <message>
        <source>Saved as version %1.</source>
        <translation>已保存为版本 %1。</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::ConnectionDialog</name>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Use TLS</source>
        <translation>使用 TLS</translation>
    </message>
    <message>
        <source>Alibaba limits (product scope, JSON only, 64 KB, one push per product per hour)</source>
        <translation>阿里云限制（按产品推送、仅限 JSON、最大 64 KB、每个产品每小时推送一次）</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>System roots</source>
        <translation>系统根证书</translation>
    </message>
    <message>
        <source>Kept sealed in the workspace with its key</source>
        <translation>使用工作区密钥加密保存在工作区中</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>任意空闲端口</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Broker URL</source>
        <translation>Broker URL</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>File server</source>
        <translation>文件服务器</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>None: plain HTTP</source>
        <translation>无：使用明文 HTTP</translation>
    </message>
    <message>
        <source>PEM certificate for HTTPS downloads (leaf first, then intermediates)</source>
        <translation>用于 HTTPS 下载的 PEM 证书（叶证书在前，中间证书在后）</translation>
    </message>
    <message>
        <source>PEM private key of the file server&apos;s certificate</source>
        <translation>文件服务器证书的 PEM 私钥</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>HTTPS certificate</source>
        <translation>HTTPS 证书</translation>
    </message>
    <message>
        <source>File server certificate</source>
        <translation>文件服务器证书</translation>
    </message>
    <message>
        <source>HTTPS key</source>
        <translation>HTTPS 私钥</translation>
    </message>
    <message>
        <source>File server private key</source>
        <translation>文件服务器私钥</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::CsvImportDialog</name>
    <message>
        <source>Import devices from CSV</source>
        <translation>从 CSV 导入设备</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import devices</source>
        <translation>导入设备</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&lt;b&gt;This file cannot be imported:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;无法导入此文件：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>Importing devices…</source>
        <translation>正在导入设备…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::DatabaseConnectionForm</name>
    <message>
        <source>&amp;Remember the password in the OS keychain</source>
        <translation>在系统钥匙串中记住密码(&amp;R)</translation>
    </message>
    <message>
        <source>db.example.com</source>
        <translation>db.example.com</translation>
    </message>
    <message>
        <source>fleet</source>
        <translation>fleet</translation>
    </message>
    <message>
        <source>Asked each time unless remembered</source>
        <translation>除非记住，否则每次询问</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate and name (verify-full)</source>
        <translation>校验服务器的证书和名称（verify-full）</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate (verify-ca)</source>
        <translation>校验服务器的证书（verify-ca）</translation>
    </message>
    <message>
        <source>Encrypt, do not verify (require)</source>
        <translation>加密，但不校验（require）</translation>
    </message>
    <message>
        <source>Encrypt when the server offers it (prefer)</source>
        <translation>服务器支持时加密（prefer）</translation>
    </message>
    <message>
        <source>No TLS (disable)</source>
        <translation>不使用 TLS（disable）</translation>
    </message>
    <message>
        <source>The CA certificate (PEM) that signed the server&apos;s</source>
        <translation>签发服务器证书的 CA 证书（PEM）</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>浏览…(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>TLS(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>CA 文件(&amp;C)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Enter the database server&apos;s host name.</source>
        <translation>请输入数据库服务器的主机名。</translation>
    </message>
    <message>
        <source>Enter the name of the database.</source>
        <translation>请输入数据库名称。</translation>
    </message>
    <message>
        <source>Enter the database user.</source>
        <translation>请输入数据库用户。</translation>
    </message>
    <message>
        <source>Verifying the server needs the CA file that signed its certificate.</source>
        <translation>校验服务器需要签发其证书的 CA 文件。</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::DeviceDetailPanel</name>
    <message>
        <source>Reveal…</source>
        <translation>显示…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>No device selected</source>
        <translation>未选择设备</translation>
    </message>
    <message>
        <source>Show the DeviceSecret in plain text (asks first)</source>
        <translation>以明文显示 DeviceSecret（会先询问确认）</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>ProductKey</source>
        <translation>ProductKey</translation>
    </message>
    <message>
        <source>DeviceName</source>
        <translation>DeviceName</translation>
    </message>
    <message>
        <source>DeviceSecret</source>
        <translation>DeviceSecret</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Simulated as</source>
        <translation>模拟为</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>当前持有</translation>
    </message>
    <message>
        <source>Last code</source>
        <translation>最近返回码</translation>
    </message>
    <message>
        <source>Versions held</source>
        <translation>持有过的版本</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>比较对象</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ 离线</translation>
    </message>
    <message>
        <source>nothing known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>configId %1
SHA-256 %2</source>
        <translation>configId %1
SHA-256 %2</translation>
    </message>
    <message>
        <source>no reply yet</source>
        <translation>尚无应答</translation>
    </message>
    <message>
        <source>Reveal DeviceSecret</source>
        <translation>显示 DeviceSecret</translation>
    </message>
    <message>
        <source>Show the DeviceSecret of %1/%2 in plain text?

Anyone who can see your screen can then connect as this device.</source>
        <translation>以明文显示 %1/%2 的 DeviceSecret 吗？

任何能看到您屏幕的人都可以借此以该设备的身份连接。</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>none seen yet</source>
        <translation>尚未见到</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::DeviceEditDialog</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Edit %1/%2</source>
        <translation>编辑 %1/%2</translation>
    </message>
    <message>
        <source>comma-separated, e.g. floor-2, pilot</source>
        <translation>以逗号分隔，例如 floor-2, pilot</translation>
    </message>
    <message>
        <source>leave empty to keep the stored one</source>
        <translation>留空则保留已保存的值</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>New DeviceSecret</source>
        <translation>新 DeviceSecret</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::DiffView</name>
    <message>
        <source>added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <source>type changed</source>
        <translation>类型已更改</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>并排</translation>
    </message>
    <message>
        <source>Show the old and new versions next to each other</source>
        <translation>并排显示旧版本和新版本</translation>
    </message>
    <message>
        <source>Inline</source>
        <translation>内联</translation>
    </message>
    <message>
        <source>Show removed and added lines in one column</source>
        <translation>在同一列中显示删除和添加的行</translation>
    </message>
    <message>
        <source>Previous change</source>
        <translation>上一处更改</translation>
    </message>
    <message>
        <source>Previous change (Shift+F7, Alt+Up)</source>
        <translation>上一处更改（Shift+F7、Alt+Up）</translation>
    </message>
    <message>
        <source>Next change</source>
        <translation>下一处更改</translation>
    </message>
    <message>
        <source>Next change (F7, Alt+Down)</source>
        <translation>下一处更改（F7、Alt+Down）</translation>
    </message>
    <message>
        <source>Copy unified diff</source>
        <translation>复制统一格式差异</translation>
    </message>
    <message>
        <source>Copy the changes as a unified diff (patch) to the clipboard</source>
        <translation>将更改以统一格式差异（补丁）复制到剪贴板</translation>
    </message>
    <message>
        <source>Save diff…</source>
        <translation>保存差异…</translation>
    </message>
    <message>
        <source>Save the changes as a unified diff (.diff) file</source>
        <translation>将更改保存为统一格式差异（.diff）文件</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>Old → new</source>
        <translation>旧 → 新</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
    <message>
        <source>%1

%2: %3 bytes, SHA-256 %4
%5: %6 bytes, SHA-256 %7</source>
        <translation>%1

%2：%3 字节，SHA-256 %4
%5：%6 字节，SHA-256 %7</translation>
    </message>
    <message>
        <source>Identical</source>
        <translation>完全相同</translation>
    </message>
    <message>
        <source>Binary files differ</source>
        <translation>二进制文件不同</translation>
    </message>
    <message>
        <source>No differences</source>
        <translation>无差异</translation>
    </message>
    <message>
        <source>%1  (+%2 −%3 lines)</source>
        <extracomment>%1 &quot;3 changes&quot;, %2 lines added, %3 lines removed</extracomment>
        <translation>%1  （+%2 −%3 行）</translation>
    </message>
    <message>
        <source>Structurally identical</source>
        <translation>结构相同</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>第 %1 处更改，共 %2 处</translation>
    </message>
    <message>
        <source>Cannot save the diff to %1: %2</source>
        <translation>无法将差异保存到 %1：%2</translation>
    </message>
    <message>
        <source>Save unified diff</source>
        <translation>保存统一格式差异</translation>
    </message>
    <message>
        <source>Diff files (*.diff *.patch);;All files (*)</source>
        <translation>差异文件 (*.diff *.patch);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n 处更改</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::FleetView</name>
    <message>
        <source>Filter by ProductKey, DeviceName or configuration…</source>
        <translation>按 ProductKey、DeviceName 或配置筛选…</translation>
    </message>
    <message>
        <source>Show one product</source>
        <translation>只显示一个产品</translation>
    </message>
    <message>
        <source>Show devices in one configuration state</source>
        <translation>只显示处于某一配置状态的设备</translation>
    </message>
    <message>
        <source>Show devices whose last reply code is this one</source>
        <translation>只显示最近返回码为此值的设备</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Any code</source>
        <translation>任意返回码</translation>
    </message>
    <message>
        <source>No reply yet</source>
        <translation>尚无应答</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部产品</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>重置列</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::IdentityEditor</name>
    <message>
        <source>Cannot %1: %2</source>
        <translation>无法%1：%2</translation>
    </message>
    <message>
        <source>Their DeviceSecrets, labels, notes, configuration state, held versions and rollout outcomes go with them; their messages stay in the message log. Edit &gt; Undo brings them back (without their rollout outcomes) until the workspace is closed.</source>
        <translation>它们的 DeviceSecret、标签、备注、配置状态、持有过的版本和分批发布结果将一并删除；它们的消息仍保留在消息日志中。在关闭工作区之前，可通过“编辑 &gt; 撤销”恢复它们（分批发布结果除外）。</translation>
    </message>
    <message>
        <source>no workspace is open</source>
        <translation>没有打开的工作区</translation>
    </message>
    <message>
        <source>The preview does not list every device; preview all of them first.</source>
        <translation>预览未列出所有设备；请先预览全部设备。</translation>
    </message>
    <message numerus="yes">
        <source>add %n device(s)</source>
        <translation>
            <numerusform>添加 %n 个设备</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no device %1.</source>
        <translation>不存在设备 %1。</translation>
    </message>
    <message>
        <source>change the labels of %1</source>
        <translation>更改 %1 的标签</translation>
    </message>
    <message>
        <source>change the note of %1</source>
        <translation>更改 %1 的备注</translation>
    </message>
    <message>
        <source>%1 had no DeviceSecret to put back.</source>
        <translation>%1 原先没有 DeviceSecret，无法恢复。</translation>
    </message>
    <message>
        <source>replace the DeviceSecret of %1</source>
        <translation>替换 %1 的 DeviceSecret</translation>
    </message>
    <message>
        <source>No device is selected.</source>
        <translation>未选择设备。</translation>
    </message>
    <message numerus="yes">
        <source>delete %n device(s)</source>
        <translation>
            <numerusform>删除 %n 个设备</numerusform>
        </translation>
    </message>
    <message>
        <source>Product %1 is already in the workspace.</source>
        <translation>产品 %1 已在工作区中。</translation>
    </message>
    <message>
        <source>add product %1</source>
        <translation>添加产品 %1</translation>
    </message>
    <message>
        <source>There is no product %1 in the workspace.</source>
        <translation>工作区中没有产品 %1。</translation>
    </message>
    <message>
        <source>change product %1</source>
        <translation>更改产品 %1</translation>
    </message>
    <message>
        <source>rename product %1</source>
        <translation>重命名产品 %1</translation>
    </message>
    <message>
        <source>switch remote configuration on for %1</source>
        <translation>开启 %1 的远程配置</translation>
    </message>
    <message>
        <source>switch remote configuration off for %1</source>
        <translation>关闭 %1 的远程配置</translation>
    </message>
    <message>
        <source>apply Alibaba limits to %1</source>
        <translation>对 %1 启用阿里云限制</translation>
    </message>
    <message>
        <source>lift Alibaba limits from %1</source>
        <translation>取消 %1 的阿里云限制</translation>
    </message>
    <message>
        <source>delete product %1</source>
        <translation>删除产品 %1</translation>
    </message>
    <message>
        <source>redo: %1</source>
        <translation>重做：%1</translation>
    </message>
    <message>
        <source>undo: %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <source>The change was made but not recorded in the message log: %1</source>
        <translation>更改已完成，但未记录到消息日志中：%1</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::ImportPreviewView</name>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>ProductKey</source>
        <translation>ProductKey</translation>
    </message>
    <message>
        <source>DeviceName</source>
        <translation>DeviceName</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Errors (nothing is imported while there are any):</source>
        <translation>错误（存在错误时不会导入任何内容）：</translation>
    </message>
    <message>
        <source>First rows (secrets are never shown):</source>
        <translation>前几行（从不显示密钥）：</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>refreshed (state kept)</source>
        <translation>已刷新（保留状态）</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::MainWindow</name>
    <message>
        <source>ConfigDeck</source>
        <translation>ConfigDeck</translation>
    </message>
    <message>
        <source>Reply codes</source>
        <translation>返回码</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ConfigDeck</source>
        <translation>关于 ConfigDeck(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>设备群</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>分批发布</translation>
    </message>
    <message>
        <source>Message log</source>
        <translation>消息日志</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>The workspace %1 cannot be opened: %2</source>
        <translation>无法打开工作区 %1：%2</translation>
    </message>
    <message>
        <source>Connection problem: %1. The console keeps working with the workspace&apos;s data.</source>
        <translation>连接问题：%1。控制台将继续使用工作区中的数据。</translation>
    </message>
    <message>
        <source>%1 was not published: %2</source>
        <translation>%1 未发布：%2</translation>
    </message>
    <message>
        <source>%1 now serves %2 (%3)</source>
        <translation>%1 现在提供配置 %2（%3）</translation>
    </message>
    <message>
        <source>&amp;Import devices from CSV…</source>
        <translation>从 CSV 导入设备(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export devices to CSV…</source>
        <translation>导出设备到 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Reset Demo…</source>
        <translation>重置演示(&amp;R)…</translation>
    </message>
    <message>
        <source>F&amp;leet</source>
        <translation>设备群(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Request configuration</source>
        <translation>请求配置(&amp;R)</translation>
    </message>
    <message>
        <source>The selected simulated devices ask for their configuration (thing/config/get)</source>
        <translation>让所选的模拟设备请求其配置（thing/config/get）</translation>
    </message>
    <message>
        <source>&amp;Push to selection</source>
        <translation>推送到所选设备(&amp;P)</translation>
    </message>
    <message>
        <source>Push the product&apos;s published configuration to the selected devices</source>
        <translation>将产品已发布的配置推送到所选设备</translation>
    </message>
    <message>
        <source>Push to &amp;product</source>
        <translation>推送到产品(&amp;P)</translation>
    </message>
    <message>
        <source>Start r&amp;ollout…</source>
        <translation>开始分批发布(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Compare configuration…</source>
        <translation>比较配置(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Fleet</source>
        <translation>设备群(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Rollout</source>
        <translation>分批发布(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Message log</source>
        <translation>消息日志(&amp;M)</translation>
    </message>
    <message>
        <source>Clear &amp;filters</source>
        <translation>清除筛选条件(&amp;F)</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Push to product</source>
        <translation>推送到产品</translation>
    </message>
    <message>
        <source>No workspace</source>
        <translation>无工作区</translation>
    </message>
    <message>
        <source>%1 devices · %2 online · %3 with a code</source>
        <translation>%1 个设备 · %2 个在线 · %3 个有返回码</translation>
    </message>
    <message>
        <source>Select the devices that should ask for their configuration.</source>
        <translation>请选择要请求配置的设备。</translation>
    </message>
    <message>
        <source>No request was sent: %1</source>
        <translation>未发送请求：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) asked for their configuration.</source>
        <translation>
            <numerusform>%n 个设备已请求配置。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the devices to push to, or push to a whole product.</source>
        <translation>请选择要推送的设备，或推送到整个产品。</translation>
    </message>
    <message>
        <source>Push to %1 refused: %2</source>
        <translation>推送到 %1 被拒绝：%2</translation>
    </message>
    <message numerus="yes">
        <source>Pushed to %n device(s); replies appear as they arrive.</source>
        <translation>
            <numerusform>已推送到 %n 个设备；应答将在到达后陆续显示。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pushed %1 to %n device(s); replies appear as they arrive.</source>
        <translation>
            <numerusform>已将 %1 的配置推送到 %n 个设备；应答将在到达后陆续显示。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n device(s).</source>
        <translation>
            <numerusform>已导入 %n 个设备。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export devices</source>
        <translation>导出设备</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>未导出任何内容：%1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n device(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 个设备导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>The settings were not applied: %1</source>
        <translation>设置未应用：%1</translation>
    </message>
    <message>
        <source>Reset Demo</source>
        <translation>重置演示</translation>
    </message>
    <message>
        <source>Delete the Demo workspace with its devices, versions and log, and start a fresh one?</source>
        <translation>删除演示工作区及其设备、版本和日志，并新建一个演示工作区吗？</translation>
    </message>
    <message>
        <source>The Demo was not reset: %1</source>
        <translation>演示未重置：%1</translation>
    </message>
    <message>
        <source>Write the DeviceSecrets in plain text?

Anyone who reads the file can then connect as these devices. Choose No to write &quot;%1&quot; in their place.</source>
        <translation>以明文写入 DeviceSecret？

任何读到该文件的人都能以这些设备的身份连接。选择“否”则写入“%1”代替。</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>没有打开的工作区。</translation>
    </message>
    <message>
        <source>Export &amp;support bundle…</source>
        <translation>导出支持包(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Export support bundle</source>
        <translation>导出支持包</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Zip 压缩包 (*.zip)</translation>
    </message>
    <message>
        <source>No support bundle was written: %1</source>
        <translation>未写入支持包：%1</translation>
    </message>
    <message numerus="yes">
        <source>Support bundle of %n device(s) written to %1; secrets are redacted.</source>
        <translation>
            <numerusform>已将 %n 台设备的支持包写入 %1；密钥已脱敏。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>云端</translation>
    </message>
    <message>
        <source>Connect as these devices on &amp;Alibaba Cloud…</source>
        <translation>以这些设备身份连接阿里云(&amp;A)…</translation>
    </message>
    <message>
        <source>Connect to the real IoT Platform with the selected devices&apos; identities</source>
        <translation>以所选设备的身份连接真实的物联网平台</translation>
    </message>
    <message>
        <source>Select the devices whose identities ConfigDeck should connect as.</source>
        <translation>请选择 ConfigDeck 要以其身份连接的设备。</translation>
    </message>
    <message>
        <source>Demo: simulated devices. Its identities are made up and its key ships with ConfigDeck; a real fleet goes into a workspace of your own (File &gt; New workspace).</source>
        <translation>演示：模拟设备。其身份是虚构的，密钥随 ConfigDeck 发布；真实设备群应放入您自己的工作区（文件 &gt; 新建工作区）。</translation>
    </message>
    <message numerus="yes">
        <source>The workspace locked itself after %n minute(s) without input.</source>
        <translation>
            <numerusform>工作区在 %n 分钟无输入后已自动锁定。</numerusform>
        </translation>
    </message>
    <message>
        <source>Demo: simulated devices</source>
        <translation>演示：模拟设备</translation>
    </message>
    <message>
        <source>simulated devices</source>
        <translation>模拟设备</translation>
    </message>
    <message>
        <source>passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>key in the OS keychain</source>
        <translation>密钥在系统钥匙串中</translation>
    </message>
    <message>
        <source>%1, %2, locked</source>
        <translation>%1，%2，已锁定</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>%1 (%2) — ConfigDeck</source>
        <translation>%1（%2）— ConfigDeck</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1（缺失）</translation>
    </message>
    <message>
        <source>Open Recent</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <source>%1 is missing: it was moved or deleted. Remove it from the list?</source>
        <translation>%1 缺失：它已被移动或删除。要从列表中移除吗？</translation>
    </message>
    <message>
        <source>No recent workspaces</source>
        <translation>没有最近的工作区</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
    <message>
        <source>The workspace was not unlocked.</source>
        <translation>工作区未解锁。</translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>已创建 %1。</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>ConfigDeck workspaces (*.configdeck);;All files (*)</source>
        <translation>ConfigDeck 工作区 (*.configdeck);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>保存副本</translation>
    </message>
    <message>
        <source>-copy</source>
        <translation>-副本</translation>
    </message>
    <message>
        <source>ConfigDeck workspaces (*.configdeck)</source>
        <translation>ConfigDeck 工作区 (*.configdeck)</translation>
    </message>
    <message>
        <source>No copy was saved: %1</source>
        <translation>未保存副本：%1</translation>
    </message>
    <message>
        <source>Saved a copy to %1; it opens with the same key.</source>
        <translation>已将副本保存到 %1；它使用相同的密钥打开。</translation>
    </message>
    <message>
        <source>Workspace protection</source>
        <translation>工作区保护</translation>
    </message>
    <message>
        <source>The protection was not changed: %1</source>
        <translation>保护方式未更改：%1</translation>
    </message>
    <message>
        <source>The workspace&apos;s key is now in the OS keychain.</source>
        <translation>工作区的密钥现已保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>The workspace&apos;s key is now protected by the new passphrase.</source>
        <translation>工作区的密钥现已由新口令保护。</translation>
    </message>
    <message>
        <source>The workspace is locked: the fleet stays visible, but revealing or exporting DeviceSecrets and connecting as devices need the key again (File &gt; Unlock workspace).</source>
        <translation>工作区已锁定：设备群仍然可见，但显示或导出 DeviceSecret 以及以设备身份连接需要再次提供密钥（文件 &gt; 解锁工作区）。</translation>
    </message>
    <message>
        <source>The workspace was not unlocked: %1</source>
        <translation>工作区未解锁：%1</translation>
    </message>
    <message>
        <source>Real devices go into a workspace of your own</source>
        <translation>真实设备应放入您自己的工作区</translation>
    </message>
    <message>
        <source>The Demo holds made-up devices only: its key is a passphrase that ships with ConfigDeck, so anyone with a copy of the file could read DeviceSecrets stored in it.

Create a workspace of your own (file and protection) and add the devices there?</source>
        <translation>演示工作区只存放虚构的设备：它的密钥是随 ConfigDeck 发布的口令，因此任何拥有该文件副本的人都能读取其中存储的 DeviceSecret。

要创建您自己的工作区（文件和保护方式）并将设备添加到那里吗？</translation>
    </message>
    <message>
        <source>Real devices in the Demo</source>
        <translation>演示工作区中的真实设备</translation>
    </message>
    <message numerus="yes">
        <source>This workspace holds %n device(s) that are not the Demo&apos;s made-up ones, under a key that ships with ConfigDeck: anyone with a copy of the file can read their DeviceSecrets.</source>
        <translation>
            <numerusform>此工作区中有 %n 台设备不是演示工作区虚构的设备，而它们受随 ConfigDeck 发布的密钥保护：任何拥有该文件副本的人都能读取它们的 DeviceSecret。</numerusform>
        </translation>
    </message>
    <message>
        <source>Move them into a new workspace of your own (the Demo then starts afresh), or protect this one with the OS keychain or a passphrase.</source>
        <translation>将它们移到您自己的新工作区（演示工作区随后重新开始），或用系统钥匙串或口令保护此工作区。</translation>
    </message>
    <message>
        <source>Protect it with the OS keychain or a passphrase of your own now.</source>
        <translation>现在就用系统钥匙串或您自己的口令保护它。</translation>
    </message>
    <message>
        <source>&amp;Move to a new workspace…</source>
        <translation>移到新工作区(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Protect…</source>
        <translation>保护(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
    <message>
        <source>The devices were not moved: %1</source>
        <translation>设备未移动：%1</translation>
    </message>
    <message>
        <source>&amp;New workspace…</source>
        <translation>新建工作区(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open the &amp;Demo</source>
        <translation>打开演示工作区(&amp;D)</translation>
    </message>
    <message>
        <source>Save a &amp;copy…</source>
        <translation>保存副本(&amp;C)…</translation>
    </message>
    <message>
        <source>C&amp;lose workspace</source>
        <translation>关闭工作区(&amp;L)</translation>
    </message>
    <message>
        <source>Workspace &amp;protection…</source>
        <translation>工作区保护(&amp;P)…</translation>
    </message>
    <message>
        <source>Loc&amp;k workspace</source>
        <translation>锁定工作区(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Unlock workspace…</source>
        <translation>解锁工作区(&amp;U)…</translation>
    </message>
    <message>
        <source>Co&amp;nnection…</source>
        <translation>连接(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>A&amp;dd devices…</source>
        <translation>添加设备(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Edit device…</source>
        <translation>编辑设备(&amp;E)…</translation>
    </message>
    <message>
        <source>De&amp;lete devices…</source>
        <translation>删除设备(&amp;L)…</translation>
    </message>
    <message>
        <source>Pr&amp;oducts…</source>
        <translation>产品(&amp;O)…</translation>
    </message>
    <message>
        <source>No device was added: %1</source>
        <translation>未添加任何设备：%1</translation>
    </message>
    <message numerus="yes">
        <source>Added %n device(s).</source>
        <translation>
            <numerusform>已添加 %n 个设备。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the device to edit.</source>
        <translation>请选择要编辑的设备。</translation>
    </message>
    <message>
        <source>There is no device %1/%2.</source>
        <translation>不存在设备 %1/%2。</translation>
    </message>
    <message>
        <source>the Demo keeps its made-up secrets</source>
        <translation>演示工作区沿用其虚构的密钥</translation>
    </message>
    <message>
        <source>edit %1/%2</source>
        <translation>编辑 %1/%2</translation>
    </message>
    <message>
        <source>%1/%2 was not changed completely: %3</source>
        <translation>%1/%2 未能全部更改：%3</translation>
    </message>
    <message>
        <source>Select the devices to delete.</source>
        <translation>请选择要删除的设备。</translation>
    </message>
    <message>
        <source>Delete devices</source>
        <translation>删除设备</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n device(s) from the workspace?</source>
        <translation>
            <numerusform>要从工作区中删除 %n 个设备吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n device(s)</source>
        <translation>
            <numerusform>删除 %n 个设备</numerusform>
        </translation>
    </message>
    <message>
        <source>No device was deleted: %1</source>
        <translation>未删除任何设备：%1</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n device(s).</source>
        <translation>
            <numerusform>已删除 %n 个设备。</numerusform>
        </translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Alibaba Cloud &amp;account…</source>
        <translation>阿里云账号(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Import from Alibaba Cloud…</source>
        <translation>从阿里云导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Add or refresh the account&apos;s products and devices through the IoT OpenAPI</source>
        <translation>通过物联网 OpenAPI 添加或刷新账号的产品和设备</translation>
    </message>
    <message>
        <source>&amp;Watch the account live</source>
        <translation>实时监听账号(&amp;W)</translation>
    </message>
    <message>
        <source>Follow the account&apos;s server-side subscription: every device&apos;s online state and answer to a push, as they happen</source>
        <translation>监听账号的服务端订阅：实时获取每台设备的在线状态和推送应答</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>账号(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <source>Imported from Alibaba Cloud: %n device(s) added or refreshed.</source>
        <translation>
            <numerusform>已从阿里云导入：添加或刷新了 %n 个设备。</numerusform>
        </translation>
    </message>
    <message>
        <source>Watch the account live</source>
        <translation>实时监听账号</translation>
    </message>
    <message>
        <source>Cannot watch the account: %1.</source>
        <translation>无法监听账号：%1。</translation>
    </message>
    <message>
        <source>Set up the account…</source>
        <translation>设置账号…</translation>
    </message>
    <message>
        <source>shared, team passphrase, %1, locked</source>
        <translation>共享，团队口令，%1，已锁定</translation>
    </message>
    <message>
        <source>shared, team passphrase, %1</source>
        <translation>共享，团队口令，%1</translation>
    </message>
    <message>
        <source>No shared workspace was opened.</source>
        <translation>未打开共享工作区。</translation>
    </message>
    <message>
        <source>Open &amp;shared workspace…</source>
        <translation>打开共享工作区…(&amp;S)</translation>
    </message>
    <message>
        <source>%1 · %2 (shared, team passphrase)</source>
        <translation>%1 · %2（共享，团队口令）</translation>
    </message>
    <message>
        <source>Created the shared workspace %1. The team key is kept in this computer&apos;s keychain: it opens here without the team passphrase.</source>
        <translation>已创建共享工作区 %1。团队密钥保存在本机的钥匙串中：在本机打开时无需团队口令。</translation>
    </message>
    <message>
        <source>Created the shared workspace %1. No OS keychain kept the team key: the team passphrase is asked when it opens here.</source>
        <translation>已创建共享工作区 %1。没有系统钥匙串保存团队密钥：在本机打开时会要求输入团队口令。</translation>
    </message>
    <message>
        <source>Saved a copy to %1, a workspace file; it opens with the team passphrase.</source>
        <translation>已将副本保存为工作区文件 %1；用团队口令即可打开。</translation>
    </message>
    <message>
        <source>This computer no longer keeps the team key: the team passphrase is asked the next time the workspace opens here.</source>
        <translation>本机不再保存团队密钥：下次在本机打开该工作区时会要求输入团队口令。</translation>
    </message>
    <message>
        <source>The team passphrase is changed: give your team the new one. Consoles that keep the team key in their keychain open the workspace as before; the old passphrase no longer opens it.</source>
        <translation>团队口令已更改：请把新口令告诉团队。在钥匙串中保存了团队密钥的控制台照常打开工作区；旧口令不再能打开它。</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::MessageLogModel</name>
    <message>
        <source>In</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Received by ConfigDeck</source>
        <translation>ConfigDeck 接收的消息</translation>
    </message>
    <message>
        <source>Sent by ConfigDeck</source>
        <translation>ConfigDeck 发送的消息</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>返回码</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Changed by hand in the console</source>
        <translation>在控制台中手动更改</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::MessageLogView</name>
    <message>
        <source>Copy as JSON</source>
        <translation>复制为 JSON</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Topic contains…</source>
        <translation>Topic 包含…</translation>
    </message>
    <message>
        <source>In and out</source>
        <translation>接收和发送</translation>
    </message>
    <message>
        <source>In</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>返回码</translation>
    </message>
    <message>
        <source>Select a message to see its payload.</source>
        <translation>选择一条消息以查看其消息体。</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <source>Edits</source>
        <translation>编辑</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::NewWorkspaceDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Keep the key in the OS &amp;keychain</source>
        <translation>将密钥保存在系统钥匙串中(&amp;K)</translation>
    </message>
    <message>
        <source>Protect the key with a &amp;passphrase</source>
        <translation>用口令保护密钥(&amp;P)</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation>至少 %1 个字符</translation>
    </message>
    <message>
        <source>The same passphrase again</source>
        <translation>再次输入相同的口令</translation>
    </message>
    <message>
        <source>The OS keychain unlocks the workspace when you log in; nothing to remember.</source>
        <translation>登录时系统钥匙串会解锁工作区；无需记忆任何内容。</translation>
    </message>
    <message>
        <source>No OS keychain answers here (remote session, container or no keychain service): protect the workspace with a passphrase.</source>
        <translation>此处没有可用的系统钥匙串（远程会话、容器或没有钥匙串服务）：请用口令保护工作区。</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Pass&amp;phrase:</source>
        <translation>口令(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>再次输入(&amp;A)：</translation>
    </message>
    <message>
        <source>Protection:</source>
        <translation>保护方式：</translation>
    </message>
    <message>
        <source>Choose where the workspace file goes.</source>
        <translation>请选择工作区文件的存放位置。</translation>
    </message>
    <message>
        <source>%1 already exists: choose a new file name, or open it with Open workspace.</source>
        <translation>%1 已存在：请选择新的文件名，或通过“打开工作区”打开它。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters (%2 so far).</source>
        <translation>口令至少需要 %1 个字符（目前为 %2 个）。</translation>
    </message>
    <message>
        <source>This passphrase ships with ConfigDeck: choose your own.</source>
        <translation>此口令随 ConfigDeck 发布：请自行选择口令。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Strength: weak. Longer is better: a few unrelated words make a strong passphrase.</source>
        <translation>强度：弱。越长越好：几个互不相关的词就能组成强口令。</translation>
    </message>
    <message>
        <source>Strength: fair. A few more characters or words would make it strong.</source>
        <translation>强度：一般。再多几个字符或词就会变强。</translation>
    </message>
    <message>
        <source>Strength: strong.</source>
        <translation>强度：强。</translation>
    </message>
    <message>
        <source>ConfigDeck workspaces (*.configdeck)</source>
        <translation>ConfigDeck 工作区 (*.configdeck)</translation>
    </message>
    <message>
        <source>A file on this &amp;computer</source>
        <translation>本机上的文件(&amp;C)</translation>
    </message>
    <message>
        <source>A &amp;shared PostgreSQL database</source>
        <translation>共享的 PostgreSQL 数据库(&amp;S)</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>Protect the key with a team &amp;passphrase</source>
        <translation>用团队口令保护密钥(&amp;P)</translation>
    </message>
    <message>
        <source>A shared workspace is opened by the whole team: one computer&apos;s keychain cannot open it in the others&apos; consoles, so its key is protected by a team passphrase that you give your team.</source>
        <translation>共享工作区由整个团队打开：一台计算机的钥匙串无法在其他人的控制台中打开它，因此其密钥由您告知团队的团队口令保护。</translation>
    </message>
    <message>
        <source>&amp;Forget the team key on this computer</source>
        <translation>在本机忘记团队密钥(&amp;F)</translation>
    </message>
    <message>
        <source>The next time this computer opens the workspace, the team passphrase is asked (the keychain entry is deleted; the workspace stays as it is).</source>
        <translation>下次本机打开该工作区时会要求输入团队口令（钥匙串条目被删除；工作区保持不变）。</translation>
    </message>
    <message>
        <source>Change the team &amp;passphrase</source>
        <translation>更改团队口令(&amp;P)</translation>
    </message>
    <message>
        <source>The consoles that keep the team key in their keychain open it as before when the passphrase changes; give your team the new one.</source>
        <translation>口令更改后，在钥匙串中保存了团队密钥的控制台照常打开它；请把新口令告诉团队。</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::OpenSharedWorkspaceDialog</name>
    <message>
        <source>Open shared workspace</source>
        <translation>打开共享工作区</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>A workspace that the team shares in a PostgreSQL database.</source>
        <translation>团队在 PostgreSQL 数据库中共享的工作区。</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::PassphraseDialog</name>
    <message>
        <source>Unlock workspace</source>
        <translation>解锁工作区</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is protected by a passphrase. Enter it to open the workspace&apos;s DeviceSecrets.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 受口令保护。请输入口令以打开工作区的 DeviceSecret。</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>口令(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>请输入口令。</translation>
    </message>
    <message>
        <source>Wrong passphrase: nothing was changed. Try again.</source>
        <translation>口令错误：未做任何更改。请重试。</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>系统默认（%1）</translation>
    </message>
    <message>
        <source>The new language takes effect when ConfigDeck restarts.</source>
        <translation>新语言将在 ConfigDeck 重新启动后生效。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Without input for this long, an open workspace locks itself: its DeviceSecrets need the passphrase or the keychain again.</source>
        <translation>在这段时间内没有输入时，打开的工作区会自动锁定：其 DeviceSecret 需要再次提供口令或钥匙串。</translation>
    </message>
    <message>
        <source>Lock the workspace when &amp;idle for:</source>
        <translation>空闲多久后锁定工作区(&amp;I)：</translation>
    </message>
    <message>
        <source>Recorded with every push, rollout and edit made at this console, and shown in the message log and the rollout history. Empty: your account name.</source>
        <translation>随在此控制台进行的每次推送、分批发布和编辑一起记录，并显示在消息日志和分批发布历史中。留空：使用您的系统用户名。</translation>
    </message>
    <message>
        <source>&amp;Operator name:</source>
        <translation>操作员名称(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::ProductsDialog</name>
    <message>
        <source>&amp;Add product</source>
        <translation>添加产品(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>重命名(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Display name (optional)</source>
        <translation>显示名称（可选）</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备数</translation>
    </message>
    <message>
        <source>Remote configuration</source>
        <translation>远程配置</translation>
    </message>
    <message>
        <source>Alibaba limits</source>
        <translation>阿里云限制</translation>
    </message>
    <message>
        <source>Off: the platform answers every device&apos;s request with 6713 (the function is not available) and pushes nothing</source>
        <translation>关闭：平台对每个设备的请求都返回 6713（功能不可用），且不推送任何配置</translation>
    </message>
    <message>
        <source>The cloud&apos;s rules for this product: product scope only, JSON only, at most 64 KB, one push per hour, a file pushed once</source>
        <translation>云端对此产品的规则：只能按产品推送、仅限 JSON、最大 64 KB、每小时推送一次、同一文件只能推送一次</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>On</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>Off (6713)</source>
        <translation>关闭（6713）</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Select the product to delete.</source>
        <translation>请选择要删除的产品。</translation>
    </message>
    <message>
        <source>Delete product %1? It has no devices.</source>
        <translation>要删除产品 %1 吗？该产品没有设备。</translation>
    </message>
    <message numerus="yes">
        <source>Delete product %1 and its %n device(s)?</source>
        <translation>
            <numerusform>要删除产品 %1 及其 %n 个设备吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete product</source>
        <translation>删除产品</translation>
    </message>
    <message numerus="yes">
        <source>Delete product and %n device(s)</source>
        <translation>
            <numerusform>删除产品及其 %n 个设备</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no product %1 in the workspace.</source>
        <translation>工作区中没有产品 %1。</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::RecentWorkspaces</name>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::ReplyCodeCatalogView</name>
    <message>
        <source>Search code, name or meaning…</source>
        <translation>搜索返回码、名称或含义…</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Sent by anyone</source>
        <translation>任意发送方</translation>
    </message>
    <message numerus="yes">
        <source>%n code(s) shown</source>
        <translation>
            <numerusform>显示 %n 个返回码</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::ReplyCodeModel</name>
    <message>
        <source>Code</source>
        <translation>返回码</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>发送方</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::RolloutPanel</name>
    <message>
        <source>Start rollout</source>
        <translation>开始分批发布</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Devices pushed before waiting for the batch&apos;s replies</source>
        <translation>每批推送的设备数，推送后等待该批的应答</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> /s</source>
        <translation> 个/秒</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How long to wait for each device&apos;s push_reply</source>
        <translation>等待每个设备 push_reply 的时长</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Abort when more than this share of the devices done so far failed</source>
        <translation>已处理的设备中失败比例超过此值时中止</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批次大小</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>速率</translation>
    </message>
    <message>
        <source>Reply timeout</source>
        <translation>应答超时</translation>
    </message>
    <message>
        <source>Abort threshold</source>
        <translation>中止阈值</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>No rollout yet. Pick a product and start one.</source>
        <translation>尚无分批发布。请选择一个产品并开始分批发布。</translation>
    </message>
    <message numerus="yes">
        <source>Rolling out %1 to %n device(s)…</source>
        <translation>
            <numerusform>正在向 %n 个设备分批发布 %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused. Devices already pushed may still reply.</source>
        <translation>已暂停。已推送的设备仍可能应答。</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>Completed. %1</source>
        <translation>已完成。%1</translation>
    </message>
    <message>
        <source>Aborted: %1</source>
        <translation>已中止：%1</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>未开始：%1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>已中止</translation>
    </message>
    <message>
        <source>Watch it</source>
        <translation>观看</translation>
    </message>
    <message>
        <source>Follow that rollout here as it goes (read only)</source>
        <translation>在此实时跟踪该灰度发布（只读）</translation>
    </message>
    <message>
        <source>Cannot read the watched rollout: %1</source>
        <translation>无法读取正在观看的灰度发布：%1</translation>
    </message>
    <message>
        <source>Watching (read only): %1</source>
        <translation>正在观看（只读）：%1</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>已中止</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1。%2</translation>
    </message>
    <message>
        <source>%1: %2. %3</source>
        <translation>%1：%2。%3</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::RolloutTimeline</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n 个设备</numerusform>
        </translation>
    </message>
    <message>
        <source>Start a rollout to see each device&apos;s outcome over time.</source>
        <translation>开始分批发布后，可在此查看每个设备随时间变化的结果。</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::StartPage</name>
    <message>
        <source>Open the &amp;Demo</source>
        <translation>打开演示工作区(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;New workspace…</source>
        <translation>新建工作区(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Remove from list</source>
        <translation>从列表中移除(&amp;R)</translation>
    </message>
    <message>
        <source>Welcome to ConfigDeck</source>
        <translation>欢迎使用 ConfigDeck</translation>
    </message>
    <message>
        <source>A workspace holds a fleet: its products, devices and their DeviceSecrets, configuration versions and history, in one file protected by the OS keychain or a passphrase you choose.</source>
        <translation>一个工作区保存一个设备群：其产品、设备及其 DeviceSecret、配置版本和历史记录，全部存放在一个由系统钥匙串或您选择的口令保护的文件中。</translation>
    </message>
    <message>
        <source>Simulated devices only, nothing to set up; for trying ConfigDeck out</source>
        <translation>仅含模拟设备，无需任何设置；用于试用 ConfigDeck</translation>
    </message>
    <message>
        <source>A new workspace file for a real fleet</source>
        <translation>为真实设备群新建工作区文件</translation>
    </message>
    <message>
        <source>Open a .configdeck workspace file</source>
        <translation>打开 .configdeck 工作区文件</translation>
    </message>
    <message>
        <source>The Demo holds made-up devices only. Real identities go into a workspace of your own.</source>
        <translation>演示工作区只存放虚构的设备。真实身份应放入您自己的工作区。</translation>
    </message>
    <message>
        <source>Recent workspaces</source>
        <translation>最近的工作区</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1（缺失）</translation>
    </message>
    <message>
        <source>%1 is missing: it was moved or deleted</source>
        <translation>%1 缺失：它已被移动或删除</translation>
    </message>
    <message>
        <source>No workspace opened yet</source>
        <translation>尚未打开任何工作区</translation>
    </message>
    <message>
        <source>Open &amp;shared workspace…</source>
        <translation>打开共享工作区…(&amp;S)</translation>
    </message>
    <message>
        <source>Open a workspace that the team shares in a PostgreSQL database</source>
        <translation>打开团队在 PostgreSQL 数据库中共享的工作区</translation>
    </message>
</context>
<context>
    <name>ConfigDeck::Ui::VersionHistoryView</name>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Select two versions to see what changed between them</source>
        <translation>选择两个版本以查看它们之间的更改</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Make the selected version the product&apos;s current configuration</source>
        <translation>将所选版本设为产品的当前配置</translation>
    </message>
    <message>
        <source>New version…</source>
        <translation>新建版本…</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>产品(&amp;P)：</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>已推送</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>已下载</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>No product in this workspace yet.</source>
        <translation>此工作区中尚无产品。</translation>
    </message>
    <message>
        <source>No configuration versions of %1 yet: write one with &quot;New version…&quot;.</source>
        <translation>%1 尚无配置版本：请通过“新建版本…”编写一个。</translation>
    </message>
    <message>
        <source>Restore version</source>
        <translation>恢复版本</translation>
    </message>
    <message>
        <source>Make version %1 (%2) the current configuration of %3?</source>
        <translation>将版本 %1（%2）设为 %3 的当前配置吗？</translation>
    </message>
    <message>
        <source>New configuration version of %1</source>
        <translation>%1 的新配置版本</translation>
    </message>
    <message>
        <source>Compare versions</source>
        <translation>比较版本</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>新建版本</translation>
    </message>
</context>
<context>
    <name>ConfigDiff</name>
    <message>
        <source>No structural diff: the new version is not a JSON document.</source>
        <translation>无法进行结构化对比：新版本不是 JSON 文档。</translation>
    </message>
    <message>
        <source>No structural diff: the old version is not a JSON document.</source>
        <translation>无法进行结构化对比：旧版本不是 JSON 文档。</translation>
    </message>
    <message>
        <source>No structural diff: %1</source>
        <translation>无法进行结构化对比：%1</translation>
    </message>
</context>
<context>
    <name>ConfigDocument</name>
    <message>
        <source>the document is empty</source>
        <translation>文档为空</translation>
    </message>
    <message>
        <source>a configuration must be a JSON object or array</source>
        <translation>配置必须是 JSON 对象或数组</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>%1 the document&apos;s size, %2 the limit (&quot;12.3 KB of 64 KB&quot;)</extracomment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>The configuration is empty.</source>
        <translation>配置为空。</translation>
    </message>
    <message>
        <source>The configuration is not valid JSON (%1).</source>
        <translation>配置不是有效的 JSON（%1）。</translation>
    </message>
    <message>
        <source>The configuration is %1, over the %2 limit of Alibaba Cloud IoT Platform.</source>
        <translation>配置大小为 %1，超过阿里云物联网平台 %2 的上限。</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <source>Cannot write the export: %1</source>
        <translation>无法写入导出文件：%1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <source>there is text after the closing quote of a field</source>
        <translation>字段的结束引号后还有文本</translation>
    </message>
    <message>
        <source>a quoted field is never closed (a &apos;&quot;&apos; is missing), so the rest of the file is part of it</source>
        <translation>带引号的字段没有闭合（缺少一个 &apos;&quot;&apos;），因此文件的其余部分都被视为该字段的内容</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>缺少 %1</translation>
    </message>
    <message>
        <source>ProductKey &quot;%1&quot; contains &quot;%2&quot;; a ProductKey cannot contain &apos;/&apos;, &apos;+&apos;, &apos;#&apos;, spaces or control characters</source>
        <translation>ProductKey“%1”包含“%2”；ProductKey 不能包含“/”、“+”、“#”、空格或控制字符</translation>
    </message>
    <message>
        <source>%1 is not valid UTF-8 text</source>
        <translation>%1 不是有效的 UTF-8 文本</translation>
    </message>
    <message>
        <source>DeviceName &quot;%1&quot; has %2 characters; it must have 4 to 32</source>
        <translation>DeviceName“%1”有 %2 个字符；长度必须为 4 到 32 个字符</translation>
    </message>
    <message>
        <source>DeviceName &quot;%1&quot; contains &quot;%2&quot;; only letters, digits and - _ @ . : are allowed</source>
        <translation>DeviceName“%1”包含“%2”；只允许使用字母、数字和 - _ @ . :</translation>
    </message>
    <message>
        <source>DeviceSecret is &quot;%1&quot;: this file was exported without secrets</source>
        <translation>DeviceSecret 为“%1”：此文件导出时未包含密钥</translation>
    </message>
    <message>
        <source>device %1/%2 is also on line %3 (duplicate in the file)</source>
        <translation>设备 %1/%2 也出现在第 %3 行（文件中重复）</translation>
    </message>
    <message>
        <source>device %1/%2 is already in the workspace</source>
        <translation>设备 %1/%2 已在工作区中</translation>
    </message>
    <message>
        <source>(column %1, no name)</source>
        <translation>（第 %1 列，无列名）</translation>
    </message>
    <message>
        <source>Line %1: the header names a column twice (%2); keep one.</source>
        <translation>第 %1 行：表头中有重复的列名（%2）；请只保留一个。</translation>
    </message>
    <message>
        <source>Line %1: the header has no %2 column (found: %3). The file needs ProductKey, DeviceName and DeviceSecret columns.</source>
        <translation>第 %1 行：表头中没有 %2 列（找到：%3）。文件需要包含 ProductKey、DeviceName 和 DeviceSecret 列。</translation>
    </message>
    <message>
        <source>The file is empty: it has no header line.</source>
        <translation>文件为空：没有表头行。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) ready to import</source>
        <translation>
            <numerusform>%n 个设备可以导入</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n new product(s) will be added</source>
        <translation>
            <numerusform>；将新增 %n 个产品</numerusform>
        </translation>
    </message>
    <message>
        <source>The file has no devices to import.</source>
        <translation>文件中没有可导入的设备。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) cannot be imported; fix them and preview again. Nothing has been imported.</source>
        <translation>
            <numerusform>%n 行无法导入；请修正后重新预览。未导入任何内容。</numerusform>
        </translation>
    </message>
    <message>
        <source>There is nothing to import.</source>
        <translation>没有可导入的内容。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of the file cannot be imported; nothing was imported.</source>
        <translation>
            <numerusform>文件中有 %n 行无法导入；未导入任何内容。</numerusform>
        </translation>
    </message>
    <message>
        <source>The file changed after the preview; preview it again. Nothing was imported.</source>
        <translation>文件在预览后已更改；请重新预览。未导入任何内容。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>导入已取消；未导入任何内容。</translation>
    </message>
    <message>
        <source>Line %1: %2; nothing was imported.</source>
        <translation>第 %1 行：%2；未导入任何内容。</translation>
    </message>
    <message>
        <source>The file has %1 rows, the preview had %2; nothing was imported.</source>
        <translation>文件有 %1 行，而预览时有 %2 行；未导入任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>%n new device(s) to add</source>
        <translation>
            <numerusform>将添加 %n 个新设备</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) already in the workspace will be refreshed (their state is kept)</source>
        <translation>
            <numerusform>将刷新工作区中已有的 %n 个设备（保留其状态）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvText</name>
    <message>
        <source>The file is not UTF-8 text (line %1), and this system cannot read GB18030 (GBK): save it from Excel as &quot;CSV UTF-8&quot;.</source>
        <translation>该文件不是 UTF-8 文本（第 %1 行），且本系统无法读取 GB18030（GBK）编码：请在 Excel 中将其另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <source>The file is neither UTF-8 text (line %1 is not) nor GB18030 (GBK) text: save it from Excel as &quot;CSV UTF-8&quot;.</source>
        <translation>该文件既不是 UTF-8 文本（第 %1 行不是），也不是 GB18030（GBK）文本：请在 Excel 中将其另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <source>The file starts as %1 text (it has a byte order mark) but is not valid %1.</source>
        <translation>该文件开头表明它是 %1 文本（带有字节顺序标记），但并不是有效的 %1。</translation>
    </message>
</context>
<context>
    <name>DatabaseCopy</name>
    <message>
        <source>Cannot read the columns of %1</source>
        <translation>无法读取 %1 的列</translation>
    </message>
    <message>
        <source>The workspace has no table %1</source>
        <translation>工作区中没有表 %1</translation>
    </message>
    <message>
        <source>The workspace file has no column %1.%2 to copy into</source>
        <translation>工作区文件中没有可复制进去的列 %1.%2</translation>
    </message>
    <message>
        <source>Cannot copy %1</source>
        <translation>无法复制 %1</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <source>Cannot copy a row of %1</source>
        <translation>无法复制 %1 的一行</translation>
    </message>
    <message>
        <source>Cannot read the workspace</source>
        <translation>无法读取工作区</translation>
    </message>
    <message>
        <source>Cannot prepare the copy</source>
        <translation>无法准备复制</translation>
    </message>
    <message>
        <source>The workspace&apos;s schema (version %1) is not the one this ConfigDeck writes (version %2): open the workspace again, or update ConfigDeck, then save the copy.</source>
        <translation>工作区的架构（版本 %1）不是本 ConfigDeck 写入的架构（版本 %2）：请重新打开工作区或更新 ConfigDeck，然后再保存副本。</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Cannot save a copy of the workspace to %1: %2</source>
        <translation>无法将工作区副本保存到 %1：%2</translation>
    </message>
</context>
<context>
    <name>DemoSeed</name>
    <message>
        <source>Thermostat T2</source>
        <translation>温控器 T2</translation>
    </message>
    <message>
        <source>Winter schedule</source>
        <translation>冬季计划</translation>
    </message>
    <message>
        <source>Eco setpoints</source>
        <translation>节能设定值</translation>
    </message>
    <message>
        <source>Spring: no evening boost</source>
        <translation>春季：取消傍晚升温</translation>
    </message>
    <message>
        <source>Edge gateway G5</source>
        <translation>边缘网关 G5</translation>
    </message>
    <message>
        <source>Factory defaults</source>
        <translation>出厂默认值</translation>
    </message>
    <message>
        <source>Faster polling</source>
        <translation>加快轮询</translation>
    </message>
    <message>
        <source>Retire flow sensor</source>
        <translation>停用流量传感器</translation>
    </message>
</context>
<context>
    <name>DeviceCredentials</name>
    <message>
        <source>%1 s is outside 30-1200 s; the platform refuses the connection</source>
        <translation>%1 秒不在 30-1200 秒范围内，平台会拒绝连接</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
</context>
<context>
    <name>DiffInput</name>
    <message>
        <source>contains a NUL byte at offset %1</source>
        <translation>在偏移量 %1 处包含 NUL 字节</translation>
    </message>
    <message>
        <source>is not valid UTF-8 text</source>
        <translation>不是有效的 UTF-8 文本</translation>
    </message>
    <message>
        <source>Neither version is text (the old one %1, the new one %2).</source>
        <translation>两个版本都不是文本（旧版本%1，新版本%2）。</translation>
    </message>
    <message>
        <source>The old version is not text: it %1.</source>
        <translation>旧版本不是文本：它%1。</translation>
    </message>
    <message>
        <source>The new version is not text: it %1.</source>
        <translation>新版本不是文本：它%1。</translation>
    </message>
    <message>
        <source>They are identical (%1 bytes, SHA-256 %2).</source>
        <translation>两者完全相同（%1 字节，SHA-256 %2）。</translation>
    </message>
    <message>
        <source>They differ: %1 bytes, SHA-256 %2 (old) against %3 bytes, SHA-256 %4 (new).</source>
        <translation>两者不同：%1 字节，SHA-256 %2（旧）与 %3 字节，SHA-256 %4（新）。</translation>
    </message>
    <message>
        <source>Compared by size and SHA-256 only. </source>
        <translation>仅按大小和 SHA-256 比较。 </translation>
    </message>
</context>
<context>
    <name>EventPrinter</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>FaultMix</name>
    <message>
        <source>&apos;%1&apos; has no share (write kind=10%)</source>
        <translation>“%1”没有比例（格式为 kind=10%）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a fault kind</source>
        <translation>“%1”不是故障类型</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes no argument</source>
        <translation>“%1”不接受参数</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number in &apos;%2&apos;</source>
        <translation>“%2”中的“%1”不是数字</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a share between 0 and 100%</source>
        <translation>“%1”不是 0 到 100% 之间的比例</translation>
    </message>
    <message>
        <source>the shares add up to more than 100%</source>
        <translation>各比例之和超过 100%</translation>
    </message>
</context>
<context>
    <name>FaultProfile</name>
    <message>
        <source>Healthy: downloads, verifies, replies 200</source>
        <translation>正常：下载、校验并应答 200</translation>
    </message>
    <message>
        <source>Slow: replies late</source>
        <translation>缓慢：延迟应答</translation>
    </message>
    <message>
        <source>Offline: never connects</source>
        <translation>离线：从不连接</translation>
    </message>
    <message>
        <source>Silent: takes pushes, never replies</source>
        <translation>静默：接收推送但从不应答</translation>
    </message>
    <message>
        <source>Refuses: answers with an error code</source>
        <translation>拒绝：以错误返回码应答</translation>
    </message>
    <message>
        <source>Bad sign: the download arrives corrupted</source>
        <translation>签名错误：下载的内容已损坏</translation>
    </message>
    <message>
        <source>Wrong size: the download arrives short</source>
        <translation>大小错误：下载的内容不完整</translation>
    </message>
    <message>
        <source>Slow download</source>
        <translation>下载缓慢</translation>
    </message>
    <message>
        <source>Apply fails after verifying</source>
        <translation>校验通过后应用失败</translation>
    </message>
    <message>
        <source>, %1 ms latency</source>
        <translation>，延迟 %1 毫秒</translation>
    </message>
    <message>
        <source>, %1 bytes/s</source>
        <translation>，%1 字节/秒</translation>
    </message>
</context>
<context>
    <name>JsonDiff</name>
    <message>
        <source>invalid JSON at line %1, column %2: %3</source>
        <extracomment>%1 line, %2 column, %3 what the parser found wrong (Qt&apos;s message, in English)</extracomment>
        <translation>第 %1 行第 %2 列的 JSON 无效：%3</translation>
    </message>
    <message>
        <source>old version</source>
        <translation>旧版本</translation>
    </message>
    <message>
        <source>new version</source>
        <translation>新版本</translation>
    </message>
</context>
<context>
    <name>JsonDiffResult</name>
    <message>
        <source>%1, %2, %3</source>
        <extracomment>The three parts of the JSON diff summary, e.g. &quot;3 changed, 1 added, 0 removed&quot;</extracomment>
        <translation>%1，%2，%3</translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n 项已更改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n 项已添加</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n 项已删除</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JsonProblem</name>
    <message>
        <source>line %1, column %2: %3</source>
        <extracomment>%1 line, %2 column, %3 the parser&apos;s message</extracomment>
        <translation>第 %1 行，第 %2 列：%3</translation>
    </message>
</context>
<context>
    <name>KeyRecord</name>
    <message>
        <source>The PBKDF2 iteration count %1 is outside %2..%3</source>
        <translation>PBKDF2 迭代次数 %1 超出 %2..%3 的范围</translation>
    </message>
    <message>
        <source>“%1” is not a workspace id (a UUID without braces)</source>
        <translation>“%1”不是工作区 ID（不带花括号的 UUID）</translation>
    </message>
    <message>
        <source>The verifier has %1 bytes, %2 expected</source>
        <translation>校验值为 %1 字节，应为 %2 字节</translation>
    </message>
    <message>
        <source>A keychain key record has no key derivation or wrapped key</source>
        <translation>钥匙串密钥记录不应包含密钥派生参数或封装密钥</translation>
    </message>
    <message>
        <source>Unknown key derivation “%1” (supported: %2)</source>
        <translation>未知的密钥派生算法“%1”（支持：%2）</translation>
    </message>
    <message>
        <source>The salt has %1 bytes, %2 to 1024 expected</source>
        <translation>盐值为 %1 字节，应为 %2 到 1024 字节</translation>
    </message>
    <message>
        <source>The wrapped key has %1 bytes, %2 expected</source>
        <translation>封装密钥为 %1 字节，应为 %2 字节</translation>
    </message>
    <message>
        <source>The key record is empty</source>
        <translation>密钥记录为空</translation>
    </message>
    <message>
        <source>The key record is too large: %1 bytes, at most %2</source>
        <translation>密钥记录过大：%1 字节，最多 %2 字节</translation>
    </message>
    <message>
        <source>The key record is not valid JSON: %1</source>
        <translation>密钥记录不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>The key record is not a JSON object</source>
        <translation>密钥记录不是 JSON 对象</translation>
    </message>
    <message>
        <source>Not a ConfigDeck key record</source>
        <translation>不是 ConfigDeck 密钥记录</translation>
    </message>
    <message>
        <source>Missing or not an integer</source>
        <translation>缺失或不是整数</translation>
    </message>
    <message>
        <source>The key record has format version %1, written by a newer ConfigDeck (this one reads version %2)</source>
        <translation>密钥记录的格式版本为 %1，由更新版本的 ConfigDeck 写入（当前版本只能读取版本 %2）</translation>
    </message>
    <message>
        <source>Invalid version %1</source>
        <translation>无效的版本 %1</translation>
    </message>
    <message>
        <source>Unknown mode “%1” (keychain or passphrase)</source>
        <translation>未知模式“%1”（应为 keychain 或 passphrase）</translation>
    </message>
    <message>
        <source>Unexpected field in a %1 key record</source>
        <translation>%1 密钥记录中有意外的字段</translation>
    </message>
    <message>
        <source>Missing or not base64</source>
        <translation>缺失或不是 base64</translation>
    </message>
    <message>
        <source>Missing or not a string</source>
        <translation>缺失或不是字符串</translation>
    </message>
    <message>
        <source>Missing or not an integer from %1 to %2</source>
        <translation>缺失或不是 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>%1 PBKDF2 iterations are too few for a workspace that can hold real identities: at least %2 are needed</source>
        <translation>对于可存放真实身份的工作区，%1 次 PBKDF2 迭代太少：至少需要 %2 次</translation>
    </message>
</context>
<context>
    <name>KeyVault</name>
    <message>
        <source>“%1” is not a workspace id (a UUID)</source>
        <translation>“%1”不是工作区 ID（UUID）</translation>
    </message>
    <message>
        <source>The passphrase is too short: %1 characters, at least %2 are needed</source>
        <translation>口令太短：%1 个字符，至少需要 %2 个</translation>
    </message>
    <message>
        <source>The key could not be derived from the passphrase (OpenSSL error)</source>
        <translation>无法从口令派生密钥（OpenSSL 错误）</translation>
    </message>
    <message>
        <source>no QCoreApplication to run the keychain request in</source>
        <translation>没有可用于执行钥匙串请求的 QCoreApplication</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>%1 秒内没有响应</translation>
    </message>
    <message>
        <source>The OS keychain is unavailable (%1). Protect this workspace with a passphrase instead, or start the keychain service (Secret Service, e.g. gnome-keyring or KWallet) and try again.</source>
        <translation>操作系统钥匙串不可用（%1）。请改用口令保护此工作区，或启动钥匙串服务（Secret Service，例如 gnome-keyring 或 KWallet）后重试。</translation>
    </message>
    <message>
        <source>The OS keychain refused access to the key of workspace %1 (%2). Unlock the keychain and try again.</source>
        <translation>操作系统钥匙串拒绝访问工作区 %1 的密钥（%2）。请解锁钥匙串后重试。</translation>
    </message>
    <message>
        <source>The key of workspace %1 is missing from the OS keychain (service “%2”, entry “%3”): it was deleted, or the workspace was created under another user account or on another computer.</source>
        <translation>操作系统钥匙串中缺少工作区 %1 的密钥（服务“%2”，条目“%3”）：该密钥已被删除，或者工作区是在其他用户帐户下或其他计算机上创建的。</translation>
    </message>
    <message>
        <source>The OS keychain entry “%1” does not hold a workspace key (%2 bytes instead of %3)</source>
        <translation>操作系统钥匙串条目“%1”中保存的不是工作区密钥（%2 字节，而不是 %3 字节）</translation>
    </message>
    <message>
        <source>No random workspace key could be made (the system&apos;s random generator failed)</source>
        <translation>无法生成随机工作区密钥（系统随机数生成器出错）</translation>
    </message>
    <message>
        <source>The workspace key has %1 bytes instead of %2</source>
        <translation>工作区密钥为 %1 字节，而不是 %2 字节</translation>
    </message>
    <message>
        <source>No salt could be made (the system&apos;s random generator failed)</source>
        <translation>无法生成盐值（系统随机数生成器出错）</translation>
    </message>
    <message>
        <source>The workspace key could not be sealed (OpenSSL error)</source>
        <translation>无法加密工作区密钥（OpenSSL 错误）</translation>
    </message>
    <message>
        <source>The key in the OS keychain (entry “%1”) does not belong to this workspace: the entry was overwritten</source>
        <translation>操作系统钥匙串中的密钥（条目“%1”）不属于此工作区：该条目已被覆盖</translation>
    </message>
    <message>
        <source>This workspace is protected by a passphrase: enter it</source>
        <translation>此工作区受口令保护：请输入口令</translation>
    </message>
    <message>
        <source>Wrong passphrase for this workspace</source>
        <translation>此工作区的口令错误</translation>
    </message>
    <message>
        <source>The workspace&apos;s key record is damaged: its verifier does not match the key</source>
        <translation>工作区的密钥记录已损坏：其校验值与密钥不匹配</translation>
    </message>
    <message>
        <source>This workspace&apos;s key is kept in the OS keychain: it has no passphrase to change</source>
        <translation>此工作区的密钥保存在操作系统钥匙串中：没有可更改的口令</translation>
    </message>
    <message>
        <source>The key of workspace %1 could not be deleted from the OS keychain: %2</source>
        <translation>无法从操作系统钥匙串中删除工作区 %1 的密钥：%2</translation>
    </message>
    <message>
        <source>This is not the key of workspace %1</source>
        <translation>这不是工作区 %1 的密钥</translation>
    </message>
    <message>
        <source>The OS keychain did not keep the password of %1 (%2): it will be asked next time.</source>
        <translation>系统钥匙串未能保存 %1 的密码（%2）：下次将再次询问。</translation>
    </message>
</context>
<context>
    <name>LibraryInfo</name>
    <message>
        <source>Application framework: widgets, networking, SQL, translations</source>
        <translation>应用程序框架：界面组件、网络、SQL、翻译</translation>
    </message>
    <message>
        <source>The embedded HTTP(S) file server for configuration downloads</source>
        <translation>用于配置下载的内置 HTTP(S) 文件服务器</translation>
    </message>
    <message>
        <source>SHA-256, HMAC signing, AES-256-GCM sealing of secrets, TLS</source>
        <translation>SHA-256、HMAC 签名、AES-256-GCM 密钥封装、TLS</translation>
    </message>
    <message>
        <source>MQTT client connections to brokers</source>
        <translation>连接 MQTT 代理的客户端</translation>
    </message>
    <message>
        <source>The workspace database (through Qt SQL)</source>
        <translation>工作区数据库（通过 Qt SQL）</translation>
    </message>
    <message>
        <source>Public domain</source>
        <translation>公有领域</translation>
    </message>
    <message>
        <source>Workspace keys in the system keychain</source>
        <translation>将工作区密钥保存在系统钥匙串中</translation>
    </message>
    <message>
        <source>Line diff of configuration versions</source>
        <translation>配置版本的逐行差异比较</translation>
    </message>
    <message>
        <source>The support bundle&apos;s .zip archive</source>
        <translation>支持包的 .zip 归档</translation>
    </message>
    <message>
        <source>unknown compiler</source>
        <translation>未知编译器</translation>
    </message>
    <message>
        <source>Qt: %1 at run time, built with %2</source>
        <translation>Qt：运行时 %1，构建时 %2</translation>
    </message>
    <message>
        <source>Build: %1, %2</source>
        <translation>构建：%1，%2</translation>
    </message>
    <message>
        <source>Operating system: %1</source>
        <translation>操作系统：%1</translation>
    </message>
    <message>
        <source>Locale: %1 (system %2); languages: %3</source>
        <translation>区域设置：%1（系统 %2）；语言：%3</translation>
    </message>
    <message>
        <source>Libraries:</source>
        <translation>库：</translation>
    </message>
    <message>
        <source>  %1 %2 (%3)</source>
        <translation>  %1 %2（%3）</translation>
    </message>
    <message>
        <source>version unknown</source>
        <translation>版本未知</translation>
    </message>
</context>
<context>
    <name>MqttConnectOptions</name>
    <message>
        <source>the file %1 does not exist</source>
        <translation>文件 %1 不存在</translation>
    </message>
    <message>
        <source>the file %1 cannot be read</source>
        <translation>无法读取文件 %1</translation>
    </message>
    <message>
        <source>no broker host name or address is given</source>
        <translation>未指定 Broker 主机名或地址</translation>
    </message>
    <message>
        <source>the port must be between 1 and 65535</source>
        <translation>端口必须在 1 到 65535 之间</translation>
    </message>
    <message>
        <source>the client ID is longer than 65535 bytes</source>
        <translation>客户端 ID 超过 65535 字节</translation>
    </message>
    <message>
        <source>a persistent session (clean session off) needs a client ID</source>
        <translation>持久会话（关闭 clean session）需要客户端 ID</translation>
    </message>
    <message>
        <source>the user name is longer than 65535 bytes</source>
        <translation>用户名超过 65535 字节</translation>
    </message>
    <message>
        <source>the password is longer than 65535 bytes</source>
        <translation>密码超过 65535 字节</translation>
    </message>
    <message>
        <source>MQTT 3.1.1 does not allow a password without a user name</source>
        <translation>MQTT 3.1.1 不允许只有密码而没有用户名</translation>
    </message>
    <message>
        <source>the keep-alive must be 0 (off) or between 5 and 65535 seconds, not %1</source>
        <translation>心跳时间必须为 0（关闭）或 5 到 65535 秒之间，而不是 %1</translation>
    </message>
    <message>
        <source>a client certificate needs both the certificate and its key</source>
        <translation>客户端证书需要同时提供证书及其私钥</translation>
    </message>
    <message>
        <source>the shortest reconnect delay must be above 0 ms</source>
        <translation>最短重连延迟必须大于 0 毫秒</translation>
    </message>
    <message>
        <source>the longest reconnect delay (%1 ms) is shorter than the shortest (%2 ms)</source>
        <translation>最长重连延迟（%1 毫秒）短于最短重连延迟（%2 毫秒）</translation>
    </message>
    <message>
        <source>the jitter must be between 0 and 1</source>
        <translation>抖动系数必须在 0 到 1 之间</translation>
    </message>
    <message>
        <source>the largest incoming message must be above 0 bytes, not %1</source>
        <translation>接收消息的大小上限必须大于 0 字节，而不是 %1</translation>
    </message>
    <message>
        <source>the time after which a connection counts as stable cannot be negative</source>
        <translation>连接被视为稳定所需的时间不能为负数</translation>
    </message>
</context>
<context>
    <name>MqttReason</name>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>unknown return code %1</source>
        <translation>未知返回码 %1</translation>
    </message>
    <message>
        <source>The broker refused the connection: %1 (code %2).</source>
        <translation>Broker 拒绝了连接：%1（代码 %2）。</translation>
    </message>
</context>
<context>
    <name>OpenApiError</name>
    <message>
        <source>The AccessKey ID is not known. Check that it was copied whole, from the RAM user&apos;s AccessKey, and that the AccessKey was not deleted.</source>
        <translation>AccessKey ID 不存在。请检查它是否从 RAM 用户的 AccessKey 完整复制，以及该 AccessKey 是否已被删除。</translation>
    </message>
    <message>
        <source>The AccessKey is disabled. Enable it in the RAM console, or create a new one for the RAM user.</source>
        <translation>该 AccessKey 已被禁用。请在 RAM 控制台中启用它，或为该 RAM 用户创建新的 AccessKey。</translation>
    </message>
    <message>
        <source>The AccessKey ID is not valid. Check the account profile.</source>
        <translation>AccessKey ID 无效。请检查账号信息。</translation>
    </message>
    <message>
        <source>The AccessKey Secret does not belong to this AccessKey ID. Enter the secret again in the account profile (the RAM console shows it only when the AccessKey is created).</source>
        <translation>AccessKey Secret 与此 AccessKey ID 不匹配。请在账号信息中重新输入 Secret（RAM 控制台仅在创建 AccessKey 时显示它）。</translation>
    </message>
    <message>
        <source>The request&apos;s signature was refused. Enter the AccessKey Secret again; if it persists, a proxy may be changing the request.</source>
        <translation>请求的签名被拒绝。请重新输入 AccessKey Secret；如果问题仍然存在，可能是代理修改了请求。</translation>
    </message>
    <message>
        <source>The request&apos;s time was refused. Check this computer&apos;s clock, date and time zone: the platform allows only a few minutes of difference.</source>
        <translation>请求的时间被拒绝。请检查本机的时钟、日期和时区：平台只允许几分钟的偏差。</translation>
    </message>
    <message>
        <source>The platform saw this request before (a replay). Try again; if it persists, a proxy may be repeating requests.</source>
        <translation>平台之前已收到过此请求（重放）。请重试；如果问题仍然存在，可能是代理在重复发送请求。</translation>
    </message>
    <message>
        <source>The RAM user may not call this API. Attach the AliyunIOTReadOnlyAccess policy (or one that allows iot:QueryProductList, iot:QueryDevice, iot:BatchQueryDeviceDetail and iot:BatchGetDeviceState) to it.</source>
        <translation>该 RAM 用户无权调用此 API。请为其授予 AliyunIOTReadOnlyAccess 策略（或允许 iot:QueryProductList、iot:QueryDevice、iot:BatchQueryDeviceDetail 和 iot:BatchGetDeviceState 的策略）。</translation>
    </message>
    <message>
        <source>The AccessKey may not call this API. Give the RAM user the AliyunIOTReadOnlyAccess policy, and check that IoT Platform is activated for the account.</source>
        <translation>该 AccessKey 无权调用此 API。请为 RAM 用户授予 AliyunIOTReadOnlyAccess 策略，并检查该账号是否已开通物联网平台。</translation>
    </message>
    <message>
        <source>The RAM user has no permission for this API. Attach the AliyunIOTReadOnlyAccess policy to it.</source>
        <translation>该 RAM 用户没有此 API 的权限。请为其授予 AliyunIOTReadOnlyAccess 策略。</translation>
    </message>
    <message>
        <source>The account or instance was not found. Check the instance ID: an Enterprise Edition instance needs its ID (iot-...), the region&apos;s public instance needs none; and check that the instance is in the region given.</source>
        <translation>未找到账号或实例。请检查实例 ID：企业版实例需要填写其 ID（iot-...），地域的公共实例则无需填写；并检查该实例是否位于所指定的地域。</translation>
    </message>
    <message>
        <source>The instance was not found. Check the instance ID and the region.</source>
        <translation>未找到实例。请检查实例 ID 和地域。</translation>
    </message>
    <message>
        <source>The region is not valid. Use the region where IoT Platform is activated, for example cn-shanghai.</source>
        <translation>地域无效。请使用已开通物联网平台的地域，例如 cn-shanghai。</translation>
    </message>
    <message>
        <source>The endpoint does not know this API. Check the region, and the OpenAPI address if it was changed.</source>
        <translation>该接入点不支持此 API。请检查地域，以及 OpenAPI 地址（如果修改过）。</translation>
    </message>
    <message>
        <source>The product does not exist in this instance. Check the instance ID and the region.</source>
        <translation>该产品在此实例中不存在。请检查实例 ID 和地域。</translation>
    </message>
    <message>
        <source>The platform&apos;s request rate limit (QPS) was reached and the retries with back-off did not get through. Try again later, or import fewer products at a time.</source>
        <translation>已达到平台的请求频率上限（QPS），退避重试也未能成功。请稍后重试，或每次导入更少的产品。</translation>
    </message>
    <message>
        <source>The platform is unavailable for the moment. Try again later.</source>
        <translation>平台暂时不可用。请稍后重试。</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>%1 failed with %2: %3</source>
        <translation>%1 失败，错误码 %2：%3</translation>
    </message>
    <message>
        <source>(no message)</source>
        <translation>（无消息）</translation>
    </message>
    <message>
        <source>(RequestId %1)</source>
        <translation>（RequestId %1）</translation>
    </message>
    <message>
        <source>Check the network, any proxy, the OpenAPI address and, for a private deployment, its CA certificate.</source>
        <translation>请检查网络、代理（如有）、OpenAPI 地址，以及私有部署的 CA 证书。</translation>
    </message>
    <message>
        <source>Cancelled: nothing more was asked of the platform.</source>
        <translation>已取消：不再向平台发送任何请求。</translation>
    </message>
    <message>
        <source>the answer is larger than %1 bytes</source>
        <translation>响应大于 %1 字节</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>%1 秒内没有响应</translation>
    </message>
    <message>
        <source>the answer is not JSON (%1)</source>
        <translation>响应不是 JSON（%1）</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>HTTP 状态码 %1</translation>
    </message>
    <message>
        <source>%1: page %2 of %3</source>
        <translation>%1：第 %2 页，共 %3 页</translation>
    </message>
    <message>
        <source>%1 has more than %2 pages; stopped there.</source>
        <translation>%1 超过 %2 页；已在此停止。</translation>
    </message>
</context>
<context>
    <name>OutcomeColors</name>
    <message>
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>已推送</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
</context>
<context>
    <name>ReplyCode</name>
    <message>
        <source>Success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>The device took the configuration.</source>
        <translation>设备已接受该配置。</translation>
    </message>
    <message>
        <source>Request error</source>
        <translation>请求错误</translation>
    </message>
    <message>
        <source>The device could not process the request (for example it could not parse it).</source>
        <translation>设备无法处理该请求（例如无法解析）。</translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation>请求过多</translation>
    </message>
    <message>
        <source>The device is receiving requests faster than it can handle them.</source>
        <translation>设备收到请求的速度超过其处理能力。</translation>
    </message>
    <message>
        <source>Request parameter error</source>
        <translation>请求参数错误</translation>
    </message>
    <message>
        <source>The device found a parameter of the request missing or invalid.</source>
        <translation>设备发现请求的某个参数缺失或无效。</translation>
    </message>
    <message>
        <source>Download failed</source>
        <translation>下载失败</translation>
    </message>
    <message>
        <source>The configuration file could not be downloaded (connection or HTTP error).</source>
        <translation>无法下载配置文件（连接或 HTTP 错误）。</translation>
    </message>
    <message>
        <source>Size mismatch</source>
        <translation>大小不符</translation>
    </message>
    <message>
        <source>The downloaded file is shorter than the configSize the platform declared.</source>
        <translation>下载的文件比平台声明的 configSize 短。</translation>
    </message>
    <message>
        <source>Sign mismatch</source>
        <translation>签名不符</translation>
    </message>
    <message>
        <source>The SHA-256 of the downloaded file differs from the sign the platform sent.</source>
        <translation>下载文件的 SHA-256 与平台下发的 sign 不一致。</translation>
    </message>
    <message>
        <source>Unsupported sign method</source>
        <translation>不支持的签名方法</translation>
    </message>
    <message>
        <source>The device cannot verify files signed with the given signMethod.</source>
        <translation>设备无法校验以该 signMethod 签名的文件。</translation>
    </message>
    <message>
        <source>Apply failed</source>
        <translation>应用失败</translation>
    </message>
    <message>
        <source>The file verified, but the device could not apply the configuration.</source>
        <translation>文件校验通过，但设备无法应用该配置。</translation>
    </message>
    <message>
        <source>Download timed out</source>
        <translation>下载超时</translation>
    </message>
    <message>
        <source>The download did not finish within the device&apos;s time limit.</source>
        <translation>下载未在设备的时限内完成。</translation>
    </message>
    <message>
        <source>TLS failure</source>
        <translation>TLS 失败</translation>
    </message>
    <message>
        <source>The file server&apos;s certificate could not be verified.</source>
        <translation>无法验证文件服务器的证书。</translation>
    </message>
    <message>
        <source>URL refused</source>
        <translation>URL 被拒绝</translation>
    </message>
    <message>
        <source>The file server refused the URL (HTTP 403 or 404): it expired or its signature is wrong.</source>
        <translation>文件服务器拒绝了该 URL（HTTP 403 或 404）：已过期或签名错误。</translation>
    </message>
    <message>
        <source>File too large</source>
        <translation>文件过大</translation>
    </message>
    <message>
        <source>The server sent more bytes than the configSize the platform declared.</source>
        <translation>服务器发送的字节数超过平台声明的 configSize。</translation>
    </message>
    <message>
        <source>Store failed</source>
        <translation>存储失败</translation>
    </message>
    <message>
        <source>The device could not store the verified configuration.</source>
        <translation>设备无法存储已校验的配置。</translation>
    </message>
    <message>
        <source>Device busy</source>
        <translation>设备忙</translation>
    </message>
    <message>
        <source>The device is already taking another configuration; try again later.</source>
        <translation>设备正在接收另一个配置，请稍后重试。</translation>
    </message>
    <message>
        <source>The platform answered with a configuration.</source>
        <translation>平台已返回配置。</translation>
    </message>
    <message>
        <source>Processing error</source>
        <translation>处理错误</translation>
    </message>
    <message>
        <source>The platform failed to process the request.</source>
        <translation>平台处理请求失败。</translation>
    </message>
    <message>
        <source>Request auth error</source>
        <translation>请求鉴权错误</translation>
    </message>
    <message>
        <source>The request failed authentication.</source>
        <translation>请求未通过鉴权。</translation>
    </message>
    <message>
        <source>Throttled</source>
        <translation>被限流</translation>
    </message>
    <message>
        <source>Too many requests: the platform is throttling this device or product.</source>
        <translation>请求过多：平台正在对该设备或产品限流。</translation>
    </message>
    <message>
        <source>Invalid parameters</source>
        <translation>参数无效</translation>
    </message>
    <message>
        <source>A parameter of the request is missing or invalid.</source>
        <translation>请求的某个参数缺失或无效。</translation>
    </message>
    <message>
        <source>Unknown system error</source>
        <translation>未知系统错误</translation>
    </message>
    <message>
        <source>An unknown error inside the platform.</source>
        <translation>平台内部发生未知错误。</translation>
    </message>
    <message>
        <source>Device no session</source>
        <translation>设备无会话</translation>
    </message>
    <message>
        <source>The device has no session with the platform (it is offline).</source>
        <translation>设备与平台之间没有会话（设备离线）。</translation>
    </message>
    <message>
        <source>Device deleted</source>
        <translation>设备已删除</translation>
    </message>
    <message>
        <source>The device has been deleted from the platform.</source>
        <translation>该设备已从平台删除。</translation>
    </message>
    <message>
        <source>Device forbidden</source>
        <translation>设备被禁止</translation>
    </message>
    <message>
        <source>The device is forbidden from this operation.</source>
        <translation>该设备被禁止执行此操作。</translation>
    </message>
    <message>
        <source>Product query failed</source>
        <translation>产品查询失败</translation>
    </message>
    <message>
        <source>The platform could not look up the device&apos;s product.</source>
        <translation>平台无法查询该设备所属的产品。</translation>
    </message>
    <message>
        <source>Device not found</source>
        <translation>设备不存在</translation>
    </message>
    <message>
        <source>No device with this ProductKey and DeviceName exists.</source>
        <translation>不存在具有该 ProductKey 和 DeviceName 的设备。</translation>
    </message>
    <message>
        <source>Topic parse error</source>
        <translation>Topic 解析错误</translation>
    </message>
    <message>
        <source>The platform could not parse the topic the request was sent to.</source>
        <translation>平台无法解析请求所发往的 Topic。</translation>
    </message>
    <message>
        <source>Device disabled</source>
        <translation>设备已禁用</translation>
    </message>
    <message>
        <source>The device is disabled on the platform.</source>
        <translation>该设备已在平台上被禁用。</translation>
    </message>
    <message>
        <source>Product not found</source>
        <translation>产品不存在</translation>
    </message>
    <message>
        <source>No product with this ProductKey exists.</source>
        <translation>不存在具有该 ProductKey 的产品。</translation>
    </message>
    <message>
        <source>Invalid sign</source>
        <translation>签名无效</translation>
    </message>
    <message>
        <source>The request&apos;s signature is invalid.</source>
        <translation>请求的签名无效。</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>The product has no configuration yet: upload and save one first.</source>
        <translation>该产品尚无配置：请先上传并保存一个配置。</translation>
    </message>
    <message>
        <source>Thing config function is not available</source>
        <translation>远程配置功能不可用</translation>
    </message>
    <message>
        <source>Remote configuration is switched off for this product: switch it on first.</source>
        <translation>该产品的远程配置已关闭：请先开启。</translation>
    </message>
    <message>
        <source>System exception</source>
        <translation>系统异常</translation>
    </message>
    <message>
        <source>An exception inside the platform; try again later.</source>
        <translation>平台内部异常，请稍后重试。</translation>
    </message>
    <message>
        <source>Topic illegal</source>
        <translation>Topic 非法</translation>
    </message>
    <message>
        <source>The topic is not one this device may use.</source>
        <translation>该 Topic 不是此设备可以使用的。</translation>
    </message>
    <message>
        <source>Unknown code %1</source>
        <translation>未知返回码 %1</translation>
    </message>
    <message>
        <source>A code that is not documented; it is kept as it was received.</source>
        <translation>未在文档中说明的返回码，按收到的原样保留。</translation>
    </message>
    <message>
        <source>Device-defined code</source>
        <translation>设备自定义返回码</translation>
    </message>
    <message>
        <source>A code the device&apos;s firmware defines (100000-110000); its meaning is in the firmware&apos;s documentation.</source>
        <translation>由设备固件定义的返回码（100000-110000），其含义见固件文档。</translation>
    </message>
</context>
<context>
    <name>ReplyCodeCatalog</name>
    <message>
        <source>Success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Device error</source>
        <translation>设备错误</translation>
    </message>
    <message>
        <source>Platform error</source>
        <translation>平台错误</translation>
    </message>
    <message>
        <source>Transient</source>
        <translation>暂时性</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
</context>
<context>
    <name>RunningRollout</name>
    <message>
        <source>another console</source>
        <translation>另一个控制台</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>the platform processes %1</source>
        <translation>平台进程 %1</translation>
    </message>
    <message numerus="yes">
        <source>Rollout “%1” of %2, run by %3 since %4, has ended (%5 of %n device(s) done).</source>
        <translation>
            <numerusform>%2 的灰度发布“%1”（由 %3 自 %4 起进行）已结束（已完成 %5/%n 台设备）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rollout “%1” of %2 is being run by %3 since %4 (%5 of %n device(s) done).</source>
        <translation>
            <numerusform>%2 的灰度发布“%1”正由 %3 自 %4 起进行（已完成 %5/%n 台设备）。</numerusform>
        </translation>
    </message>
    <message>
        <source>there is no rollout %1 in the workspace</source>
        <translation>工作区中没有灰度发布 %1</translation>
    </message>
</context>
<context>
    <name>SecretSealer</name>
    <message>
        <source>There is no valid key to open the sealed secret with</source>
        <translation>没有可用于解密已加密密钥的有效密钥</translation>
    </message>
    <message>
        <source>The sealed secret is too short: %1 bytes, a sealed secret has at least %2 bytes</source>
        <translation>已加密密钥太短：%1 字节，已加密密钥至少为 %2 字节</translation>
    </message>
    <message>
        <source>The sealed secret is too large</source>
        <translation>已加密密钥过大</translation>
    </message>
    <message>
        <source>The sealed secret could not be authenticated: wrong key, damaged data, or it belongs to another device</source>
        <translation>已加密密钥未通过认证：密钥错误、数据损坏，或属于其他设备</translation>
    </message>
    <message>
        <source>The sealed secret has an unknown format version %1 (this version of ConfigDeck reads versions %2 and %3)</source>
        <translation>已加密密钥的格式版本 %1 未知（此版本的 ConfigDeck 只能读取版本 %2 和 %3）</translation>
    </message>
</context>
<context>
    <name>SessionSettings</name>
    <message>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Platform on a broker</source>
        <translation>Broker 上的平台</translation>
    </message>
    <message>
        <source>the CA file &apos;%1&apos; cannot be read</source>
        <translation>无法读取 CA 文件“%1”</translation>
    </message>
    <message>
        <source>the file-server address is empty</source>
        <translation>文件服务器地址为空</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address to listen on</source>
        <translation>“%1”不是可监听的 IP 地址</translation>
    </message>
    <message>
        <source>a password needs a user name</source>
        <translation>设置密码时需要提供用户名</translation>
    </message>
    <message>
        <source>the broker address names the user &apos;%1&apos; but the User name field says &apos;%2&apos;: keep one</source>
        <translation>Broker 地址中指定的用户为“%1”，但“用户名”字段为“%2”：请只保留一个</translation>
    </message>
    <message>
        <source>the broker address holds a password other than the Password field&apos;s: keep one</source>
        <translation>Broker 地址中包含的密码与“密码”字段不同：请只保留一个</translation>
    </message>
    <message>
        <source>HTTPS for the file server needs both a certificate and its key</source>
        <translation>文件服务器启用 HTTPS 需要同时提供证书及其私钥</translation>
    </message>
</context>
<context>
    <name>Sha256Stream</name>
    <message>
        <source>cannot open the file: %1</source>
        <translation>无法打开文件：%1</translation>
    </message>
    <message>
        <source>cannot read the file after %1 bytes: %2</source>
        <translation>读取 %1 字节后无法继续读取文件：%2</translation>
    </message>
</context>
<context>
    <name>SupportBundle</name>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>No device was chosen for the support bundle.</source>
        <translation>未为支持包选择任何设备。</translation>
    </message>
    <message>
        <source>No file name was given for the support bundle.</source>
        <translation>未为支持包指定文件名。</translation>
    </message>
    <message>
        <source>The support bundle cannot be written to %1: it is a folder.</source>
        <translation>无法将支持包写入 %1：它是一个文件夹。</translation>
    </message>
    <message>
        <source>there is no such device in the workspace</source>
        <translation>工作区中没有此设备</translation>
    </message>
    <message numerus="yes">
        <source>The workspace is locked: the secrets of %n device(s) could not be read, so the bundle was not searched for them (the protocol never sends them).</source>
        <translation>
            <numerusform>工作区已锁定：无法读取 %n 台设备的密钥，因此未在支持包中查找这些密钥（协议从不发送密钥）。</numerusform>
        </translation>
    </message>
    <message>
        <source>ConfigDeck support bundle</source>
        <translation>ConfigDeck 支持包</translation>
    </message>
    <message>
        <source>Generated %1 by %2.</source>
        <translation>由 %2 于 %1 生成。</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
    </message>
    <message>
        <source>Devices (%1):</source>
        <translation>设备（%1）：</translation>
    </message>
    <message>
        <source>Secrets are redacted: DeviceSecrets are never included; device secrets and the broker password are replaced by &quot;%1&quot; wherever they occurred, and so are the values of secret-looking fields (password, secret, token, ...) and the credentials in the query of pre-signed download URLs (their path and expiry are kept). A redacted configuration version no longer matches its SHA-256; versions/&lt;product&gt;/index.json says which.</source>
        <translation>机密信息已脱敏：从不包含 DeviceSecret；设备密钥和代理密码无论出现在何处都替换为“%1”，疑似机密字段（password、secret、token 等）的值以及预签名下载 URL 查询部分中的凭据也同样替换（保留其路径和过期时间）。脱敏后的配置版本与其 SHA-256 不再一致；versions/&lt;product&gt;/index.json 中标明了哪些版本被脱敏。</translation>
    </message>
    <message>
        <source>Contents:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>  README.txt       this file</source>
        <translation>  README.txt       本文件</translation>
    </message>
    <message>
        <source>  devices.json     each device&apos;s identity (without its secret), configuration state and last reply code with its meaning</source>
        <translation>  devices.json     每台设备的身份（不含密钥）、配置状态以及最近的返回码及其含义</translation>
    </message>
    <message>
        <source>  messages.jsonl   the last %1 Alink messages of each device, one JSON object a line, oldest first</source>
        <translation>  messages.jsonl   每台设备最近的 %1 条 Alink 消息，每行一个 JSON 对象，按时间从旧到新</translation>
    </message>
    <message>
        <source>  versions/        the configuration versions the devices hold, the published one and those pushed or downloaded, with an index.json per product</source>
        <translation>  versions/        设备持有的配置版本、已发布的版本以及推送或下载过的版本，每个产品附一个 index.json</translation>
    </message>
    <message>
        <source>  diffs/           unified diffs between consecutive versions</source>
        <translation>  diffs/           相邻版本之间的统一格式差异</translation>
    </message>
    <message>
        <source>  settings.json    the workspace&apos;s connection settings, without passwords</source>
        <translation>  settings.json    工作区的连接设置（不含密码）</translation>
    </message>
    <message>
        <source>  environment.txt  operating system, Qt, locale and library versions</source>
        <translation>  environment.txt  操作系统、Qt、区域设置和库版本</translation>
    </message>
    <message>
        <source>Binary versions: %1
</source>
        <translation>二进制版本：%1
</translation>
    </message>
    <message>
        <source>The two versions differ only in redacted values.
</source>
        <translation>两个版本仅在已脱敏的值上不同。
</translation>
    </message>
    <message>
        <source>The support bundle %1 cannot be written: %2</source>
        <translation>无法写入支持包 %1：%2</translation>
    </message>
    <message>
        <source>the archive library failed</source>
        <translation>归档库出错</translation>
    </message>
</context>
<context>
    <name>TlsIdentity</name>
    <message>
        <source>cannot open the certificate: %1</source>
        <translation>无法打开证书：%1</translation>
    </message>
    <message>
        <source>holds no PEM certificate</source>
        <translation>不包含 PEM 证书</translation>
    </message>
    <message>
        <source>cannot open the private key: %1</source>
        <translation>无法打开私钥：%1</translation>
    </message>
    <message>
        <source>holds no readable RSA or EC private key in PEM (or the passphrase is wrong)</source>
        <translation>不包含可读取的 PEM 格式 RSA 或 EC 私钥（或口令错误）</translation>
    </message>
</context>
<context>
    <name>Topic</name>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>contains &apos;%1&apos;, which cannot stand in an MQTT topic level</source>
        <translation>包含“%1”，不能出现在 MQTT Topic 层级中</translation>
    </message>
    <message>
        <source>ProductKey %1</source>
        <translation>ProductKey %1</translation>
    </message>
    <message>
        <source>DeviceName %1</source>
        <translation>DeviceName %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a remote-configuration topic</source>
        <translation>“%1”不是远程配置 Topic</translation>
    </message>
</context>
<context>
    <name>TopicFilter</name>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>contains a NUL character</source>
        <translation>包含 NUL 字符</translation>
    </message>
    <message>
        <source>is longer than %1 bytes</source>
        <translation>超过 %1 字节</translation>
    </message>
    <message>
        <source>&apos;#&apos; must stand alone in the last level, but level %1 is &quot;%2&quot;</source>
        <translation>“#”必须单独位于最后一个层级，但第 %1 层为“%2”</translation>
    </message>
    <message>
        <source>&apos;+&apos; must stand alone in a level, but level %1 is &quot;%2&quot;</source>
        <translation>“+”必须单独占据一个层级，但第 %1 层为“%2”</translation>
    </message>
    <message>
        <source>a topic name cannot contain the wildcards &apos;+&apos; or &apos;#&apos;</source>
        <translation>Topic 名称不能包含通配符“+”或“#”</translation>
    </message>
    <message>
        <source>a shared subscription&apos;s group name cannot contain &apos;/&apos;, &apos;+&apos; or &apos;#&apos;</source>
        <translation>共享订阅的组名不能包含“/”、“+”或“#”</translation>
    </message>
    <message>
        <source>a shared subscription is $share/GROUP/FILTER, but &quot;%1&quot; has no filter</source>
        <translation>共享订阅的格式为 $share/GROUP/FILTER，但“%1”没有过滤器</translation>
    </message>
</context>
<context>
    <name>UrlSigningKey</name>
    <message>
        <source>Cannot seal the file server&apos;s URL-signing key.</source>
        <translation>无法封装文件服务器的 URL 签名密钥。</translation>
    </message>
    <message>
        <source>The stored URL-signing key is damaged.</source>
        <translation>存储的 URL 签名密钥已损坏。</translation>
    </message>
    <message>
        <source>Cannot open the stored URL-signing key: %1</source>
        <translation>无法打开存储的 URL 签名密钥：%1</translation>
    </message>
    <message>
        <source>The stored URL-signing key has the wrong size.</source>
        <translation>存储的 URL 签名密钥长度不对。</translation>
    </message>
    <message>
        <source>The file server signs download URLs with a key of its own, so the other platforms of this workspace refuse its URLs: %1</source>
        <translation>文件服务器使用自己的密钥签名下载 URL，因此该工作区的其他平台会拒绝它的 URL：%1</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a ConfigDeck workspace (it is not an SQLite database).</source>
        <translation>%1 不是 ConfigDeck 工作区（不是 SQLite 数据库）。</translation>
    </message>
    <message>
        <source>%1 is not a ConfigDeck workspace (it is an SQLite database of another application).</source>
        <translation>%1 不是 ConfigDeck 工作区（是其他应用程序的 SQLite 数据库）。</translation>
    </message>
    <message>
        <source>Cannot open workspace %1: %2</source>
        <translation>无法打开工作区 %1：%2</translation>
    </message>
    <message>
        <source>Workspace %1 is damaged: %2</source>
        <translation>工作区 %1 已损坏：%2</translation>
    </message>
    <message>
        <source>%1 is not a ConfigDeck workspace.</source>
        <translation>%1 不是 ConfigDeck 工作区。</translation>
    </message>
    <message>
        <source>Workspace %1 was made by a newer ConfigDeck (schema version %2; this version reads up to %3). Update ConfigDeck to open it.</source>
        <translation>工作区 %1 由更新版本的 ConfigDeck 创建（架构版本 %2；当前版本最高只能读取 %3）。请更新 ConfigDeck 后再打开。</translation>
    </message>
    <message>
        <source>%1 is not a ConfigDeck workspace (it has no schema).</source>
        <translation>%1 不是 ConfigDeck 工作区（没有架构）。</translation>
    </message>
    <message>
        <source>Cannot start a transaction</source>
        <translation>无法开始事务</translation>
    </message>
    <message>
        <source>No transaction to commit</source>
        <translation>没有可提交的事务</translation>
    </message>
    <message>
        <source>Cannot commit</source>
        <translation>无法提交</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The workspace is locked: unlock it to read or write device secrets.</source>
        <translation>工作区已锁定：请先解锁，才能读取或写入设备密钥。</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <source>There is no workspace at %1.</source>
        <translation>%1 处没有工作区。</translation>
    </message>
    <message>
        <source>Cannot open workspace %1</source>
        <translation>无法打开工作区 %1</translation>
    </message>
    <message>
        <source>Cannot create workspace %1</source>
        <translation>无法创建工作区 %1</translation>
    </message>
    <message>
        <source>Cannot upgrade workspace to schema version %1</source>
        <translation>无法将工作区升级到架构版本 %1</translation>
    </message>
    <message>
        <source>Cannot store the workspace key record</source>
        <translation>无法保存工作区密钥记录</translation>
    </message>
    <message>
        <source>Cannot store setting %1</source>
        <translation>无法保存设置 %1</translation>
    </message>
    <message>
        <source>Cannot add product %1</source>
        <translation>无法添加产品 %1</translation>
    </message>
    <message>
        <source>The ProductKey is empty.</source>
        <translation>ProductKey 为空。</translation>
    </message>
    <message>
        <source>Cannot store product %1</source>
        <translation>无法保存产品 %1</translation>
    </message>
    <message>
        <source>Cannot remove product %1</source>
        <translation>无法删除产品 %1</translation>
    </message>
    <message>
        <source>There is no product %1 in the workspace.</source>
        <translation>工作区中没有产品 %1。</translation>
    </message>
    <message>
        <source>Cannot seal the secret of %1/%2.</source>
        <translation>无法加密 %1/%2 的密钥。</translation>
    </message>
    <message>
        <source>Every device needs a secret (%1 devices, %2 secrets).</source>
        <translation>每个设备都需要一个密钥（%1 个设备，%2 个密钥）。</translation>
    </message>
    <message>
        <source>A device needs a ProductKey and a DeviceName.</source>
        <translation>设备需要 ProductKey 和 DeviceName。</translation>
    </message>
    <message>
        <source>The DeviceSecret of %1 is empty.</source>
        <translation>%1 的 DeviceSecret 为空。</translation>
    </message>
    <message>
        <source>Device %1 is already in the workspace.</source>
        <translation>设备 %1 已在工作区中。</translation>
    </message>
    <message>
        <source>Cannot add device %1</source>
        <translation>无法添加设备 %1</translation>
    </message>
    <message>
        <source>Cannot label device %1</source>
        <translation>无法为设备 %1 添加标签</translation>
    </message>
    <message>
        <source>Cannot read device %1/%2</source>
        <translation>无法读取设备 %1/%2</translation>
    </message>
    <message>
        <source>There is no device %1/%2 in the workspace.</source>
        <translation>工作区中没有设备 %1/%2。</translation>
    </message>
    <message>
        <source>Device %1/%2 has no DeviceSecret.</source>
        <translation>设备 %1/%2 没有 DeviceSecret。</translation>
    </message>
    <message>
        <source>Cannot open the DeviceSecret of %1/%2: %3</source>
        <translation>无法解密 %1/%2 的 DeviceSecret：%3</translation>
    </message>
    <message>
        <source>The DeviceSecret of %1/%2 is empty.</source>
        <translation>%1/%2 的 DeviceSecret 为空。</translation>
    </message>
    <message>
        <source>Cannot store the DeviceSecret of %1/%2</source>
        <translation>无法保存 %1/%2 的 DeviceSecret</translation>
    </message>
    <message>
        <source>Cannot store the note of %1/%2</source>
        <translation>无法保存 %1/%2 的备注</translation>
    </message>
    <message>
        <source>Cannot label device %1/%2</source>
        <translation>无法为设备 %1/%2 添加标签</translation>
    </message>
    <message>
        <source>A label of %1/%2 is empty.</source>
        <translation>%1/%2 的某个标签为空。</translation>
    </message>
    <message>
        <source>Cannot remove device %1/%2</source>
        <translation>无法删除设备 %1/%2</translation>
    </message>
    <message>
        <source>A configuration version needs a ProductKey.</source>
        <translation>配置版本需要 ProductKey。</translation>
    </message>
    <message>
        <source>Cannot store configuration version</source>
        <translation>无法保存配置版本</translation>
    </message>
    <message>
        <source>Cannot update the state of %1/%2</source>
        <translation>无法更新 %1/%2 的状态</translation>
    </message>
    <message>
        <source>The message log must keep at least one message, and its limits cannot be negative.</source>
        <translation>消息日志必须至少保留一条消息，且其限制值不能为负数。</translation>
    </message>
    <message>
        <source>Cannot prune the message log</source>
        <translation>无法清理消息日志</translation>
    </message>
    <message>
        <source>Cannot write the message log</source>
        <translation>无法写入消息日志</translation>
    </message>
    <message>
        <source>A rollout needs a ProductKey.</source>
        <translation>分批发布需要 ProductKey。</translation>
    </message>
    <message>
        <source>There is no configuration version %1 in the workspace.</source>
        <translation>工作区中没有配置版本 %1。</translation>
    </message>
    <message>
        <source>A rollout needs a batch size of at least 1, a positive timeout and an abort threshold between 0 and 1.</source>
        <translation>分批发布需要至少为 1 的批次大小、大于 0 的超时时间，以及 0 到 1 之间的中止阈值。</translation>
    </message>
    <message>
        <source>Cannot store the rollout</source>
        <translation>无法保存分批发布</translation>
    </message>
    <message>
        <source>Cannot update rollout %1</source>
        <translation>无法更新分批发布 %1</translation>
    </message>
    <message>
        <source>There is no rollout %1 in the workspace.</source>
        <translation>工作区中没有分批发布 %1。</translation>
    </message>
    <message>
        <source>Cannot store the outcome of %1/%2</source>
        <translation>无法保存 %1/%2 的结果</translation>
    </message>
    <message>
        <source>Cannot read the versions held by %1/%2</source>
        <translation>无法读取 %1/%2 持有过的版本</translation>
    </message>
    <message>
        <source>Cannot read the state of %1/%2</source>
        <translation>无法读取 %1/%2 的状态</translation>
    </message>
    <message>
        <source>Cannot read the products</source>
        <translation>无法读取产品</translation>
    </message>
    <message>
        <source>Cannot count the devices</source>
        <translation>无法统计设备数量</translation>
    </message>
    <message>
        <source>Cannot read the devices</source>
        <translation>无法读取设备</translation>
    </message>
    <message>
        <source>Cannot read the device state</source>
        <translation>无法读取设备状态</translation>
    </message>
    <message>
        <source>Cannot read product %1</source>
        <translation>无法读取产品 %1</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>Lines %1-%2: a device could not be added (%3); nothing was imported.</source>
        <translation>第 %1-%2 行：有设备无法添加（%3）；未导入任何内容。</translation>
    </message>
    <message>
        <source>Line %1: product %2 was not announced; nothing was imported.</source>
        <translation>第 %1 行：产品 %2 未事先声明；未导入任何内容。</translation>
    </message>
    <message>
        <source>Line %1: the DeviceSecret could not be sealed; nothing was imported.</source>
        <translation>第 %1 行：无法加密封存 DeviceSecret；未导入任何内容。</translation>
    </message>
    <message>
        <source>Cannot read the workspace key record</source>
        <translation>无法读取工作区的密钥记录</translation>
    </message>
    <message>
        <source>Cannot read the message log</source>
        <translation>无法读取消息日志</translation>
    </message>
    <message>
        <source>Cannot read rollout %1</source>
        <translation>无法读取发布任务 %1</translation>
    </message>
    <message>
        <source>Cannot read the rollouts</source>
        <translation>无法读取发布任务</translation>
    </message>
    <message>
        <source>Cannot read the outcomes of rollout %1</source>
        <translation>无法读取发布任务 %1 的结果</translation>
    </message>
    <message>
        <source>Cannot read setting %1</source>
        <translation>无法读取设置 %1</translation>
    </message>
    <message>
        <source>Cannot read configuration version %1</source>
        <translation>无法读取配置版本 %1</translation>
    </message>
    <message>
        <source>Cannot read the configuration versions of %1</source>
        <translation>无法读取 %1 的配置版本</translation>
    </message>
    <message>
        <source>Cannot read the published version of %1</source>
        <translation>无法读取 %1 的已发布版本</translation>
    </message>
    <message>
        <source>Cannot read the published versions</source>
        <translation>无法读取已发布版本</translation>
    </message>
    <message>
        <source>Cannot publish %1 for %2</source>
        <translation>无法为 %2 发布 %1</translation>
    </message>
    <message>
        <source>Cannot read workspace %1</source>
        <translation>无法读取工作区 %1</translation>
    </message>
    <message>
        <source>%1 already exists: choose a new file name for the copy.</source>
        <translation>%1 已存在：请为副本选择新的文件名。</translation>
    </message>
    <message>
        <source>A copy cannot replace the workspace itself.</source>
        <translation>副本不能替换工作区本身。</translation>
    </message>
    <message>
        <source>Cannot save a copy of the workspace to %1</source>
        <translation>无法将工作区副本保存到 %1</translation>
    </message>
    <message>
        <source>Cannot store the state of %1/%2</source>
        <translation>无法保存 %1/%2 的状态</translation>
    </message>
    <message>
        <source>Cannot store the versions a device held</source>
        <translation>无法保存设备持有过的版本</translation>
    </message>
    <message>
        <source>Cannot store the online state of %1</source>
        <translation>无法保存 %1 的在线状态</translation>
    </message>
    <message>
        <source>Cannot configure the workspace</source>
        <translation>无法配置工作区</translation>
    </message>
    <message>
        <source>Cannot read the workspace</source>
        <translation>无法读取工作区</translation>
    </message>
    <message>
        <source>it is an SQLite database of another application</source>
        <translation>它是其他应用程序的 SQLite 数据库</translation>
    </message>
    <message>
        <source>The workspace file is no longer open.</source>
        <translation>工作区文件已不再打开。</translation>
    </message>
    <message>
        <source>it holds tables of another application: %1</source>
        <translation>它包含其他应用程序的表：%1</translation>
    </message>
    <message>
        <source>Cannot lock the workspace for an upgrade</source>
        <translation>无法锁定工作区以进行升级</translation>
    </message>
    <message>
        <source>Cannot announce the change to the other consoles</source>
        <translation>无法将更改通知其他控制台</translation>
    </message>
    <message>
        <source>Lost the connection to the workspace database and cannot connect again</source>
        <translation>与工作区数据库的连接已断开，且无法重新连接</translation>
    </message>
    <message>
        <source>Cannot follow the changes of other consoles</source>
        <translation>无法跟踪其他控制台的更改</translation>
    </message>
    <message>
        <source>Cannot configure workspace %1: %2</source>
        <translation>无法配置工作区 %1：%2</translation>
    </message>
    <message>
        <source>Cannot open workspace %1: Qt&apos;s PostgreSQL driver (QPSQL) is not installed.</source>
        <translation>无法打开工作区 %1：未安装 Qt 的 PostgreSQL 驱动（QPSQL）。</translation>
    </message>
    <message>
        <source>Cannot connect to workspace %1</source>
        <translation>无法连接到工作区 %1</translation>
    </message>
    <message>
        <source>%1 is not a ConfigDeck workspace (%2).</source>
        <translation>%1 不是 ConfigDeck 工作区（%2）。</translation>
    </message>
    <message>
        <source>Cannot read workspace %1: %2</source>
        <translation>无法读取工作区 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read the rollouts of %1</source>
        <translation>无法读取 %1 的灰度发布</translation>
    </message>
    <message>
        <source>The rollout has no devices.</source>
        <translation>该灰度发布没有设备。</translation>
    </message>
    <message>
        <source>Rollout %1 (&quot;%2&quot;) of product %3 is running, started by %4 on %5; one rollout per product runs at a time.</source>
        <translation>产品 %3 的灰度发布 %1（“%2”）正在进行，由 %4 于 %5 开始；每个产品同一时间只能进行一个灰度发布。</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>abandoned: nobody was running it when rollout of another configuration began</source>
        <translation>已放弃：另一个配置的灰度发布开始时已无人在进行它</translation>
    </message>
    <message>
        <source>Cannot record the heartbeat of %1</source>
        <translation>无法记录 %1 的心跳</translation>
    </message>
    <message>
        <source>Cannot claim devices of rollout %1</source>
        <translation>无法领取灰度发布 %1 的设备</translation>
    </message>
    <message>
        <source>Cannot give back %1/%2</source>
        <translation>无法归还 %1/%2</translation>
    </message>
    <message>
        <source>Cannot retry the pushes of rollout %1</source>
        <translation>无法重试灰度发布 %1 的推送</translation>
    </message>
    <message>
        <source>Cannot lock %1</source>
        <translation>无法锁定 %1</translation>
    </message>
</context>
<context>
    <name>WorkspaceKey</name>
    <message>
        <source>The workspace %1 has no key: it was never finished. Create it again.</source>
        <translation>工作区 %1 没有密钥：它从未创建完成。请重新创建。</translation>
    </message>
    <message>
        <source>The workspace already has a key</source>
        <translation>工作区已有密钥</translation>
    </message>
    <message>
        <source>This passphrase ships with ConfigDeck: choose your own</source>
        <translation>此口令随 ConfigDeck 发布：请自行选择口令</translation>
    </message>
    <message>
        <source>The workspace %1 is protected by a passphrase: enter it</source>
        <translation>工作区 %1 受口令保护：请输入口令</translation>
    </message>
    <message>
        <source>A workspace&apos;s key is never moved under the Demo&apos;s public passphrase</source>
        <translation>工作区的密钥绝不会改由演示版的公开口令保护</translation>
    </message>
    <message>
        <source>The key is already in the OS keychain</source>
        <translation>密钥已在系统钥匙串中</translation>
    </message>
    <message>
        <source>The workspace %1 is shared: protect it with a team passphrase.</source>
        <translation>工作区 %1 是共享的：请用团队口令保护它。</translation>
    </message>
    <message>
        <source>A shared workspace&apos;s key is wrapped under a team passphrase so that every member can open it: one computer&apos;s keychain alone would open it on that computer only.</source>
        <translation>共享工作区的密钥用团队口令封装，以便每个成员都能打开：仅靠一台计算机的钥匙串只能在那台计算机上打开它。</translation>
    </message>
</context>
<context>
    <name>WorkspaceLocation</name>
    <message>
        <source>No workspace file or database was given.</source>
        <translation>未指定工作区文件或数据库。</translation>
    </message>
    <message>
        <source>“%1” is not a valid database URL: %2</source>
        <translation>“%1”不是有效的数据库 URL：%2</translation>
    </message>
    <message>
        <source>The database URL names no host.</source>
        <translation>数据库 URL 未指定主机。</translation>
    </message>
    <message>
        <source>The database URL names no database (postgresql://user@host:port/database).</source>
        <translation>数据库 URL 未指定数据库（postgresql://user@host:port/database）。</translation>
    </message>
    <message>
        <source>The database URL names no user (postgresql://user@host/…).</source>
        <translation>数据库 URL 未指定用户（postgresql://user@host/…）。</translation>
    </message>
    <message>
        <source>Unknown sslmode “%1”: use one of %2.</source>
        <translation>未知的 sslmode“%1”：请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>Unknown database URL option “%1”: only sslmode and sslrootcert are taken.</source>
        <translation>未知的数据库 URL 选项“%1”：仅支持 sslmode 和 sslrootcert。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Remote-configuration console for Alink IoT device fleets.</source>
        <translation>面向 Alink 物联网设备群的远程配置控制台。</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <source>Open the Demo workspace.</source>
        <translation>打开演示工作区。</translation>
    </message>
    <message>
        <source>Delete the Demo workspace and start a fresh one.</source>
        <translation>删除演示工作区并重新创建一个。</translation>
    </message>
    <message>
        <source>A workspace file (.configdeck) to open.</source>
        <translation>要打开的工作区文件（.configdeck）。</translation>
    </message>
    <message>
        <source>Open the workspace file PATH (the same as FILE).</source>
        <translation>打开工作区文件 PATH（与 FILE 相同）。</translation>
    </message>
    <message>
        <source>Usage: configdeck-cli &lt;command&gt; [options]

Commands:
  devices    simulate N devices, each its own MQTT connection, with a fault mix
  platform   serve remote configuration on a broker as the cloud does; push or roll out
  device     connect as real device identities to Alibaba Cloud IoT Platform (--cloud): request,
             wait for pushes, download, verify, reply
  account    the Alibaba Cloud account: products, devices, import (OpenAPI), watch (AMQP)

Run configdeck-cli &lt;command&gt; --help for the options of a command.
</source>
        <translation>用法：configdeck-cli &lt;命令&gt; [选项]

命令：
  devices    模拟 N 个设备，每个设备使用独立的 MQTT 连接，并带有故障组合
  platform   像云端一样在 Broker 上提供远程配置服务；推送或分批发布
  device     以真实设备身份连接阿里云物联网平台（--cloud）：请求配置、
             等待推送、下载、校验、应答
  account    阿里云账号：产品、设备、导入（OpenAPI）、监听（AMQP）

运行 configdeck-cli &lt;命令&gt; --help 查看某个命令的选项。
</translation>
    </message>
</context>
</TS>
