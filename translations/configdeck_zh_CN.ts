<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <translation>必须是字符串，实际为%1</translation>
    </message>
    <message>
        <source>must be a whole number, got %1</source>
        <translation>必须是整数，实际为 %1</translation>
    </message>
    <message>
        <source>must be a number, got "%1"</source>
        <translation>必须是数字，实际为“%1”</translation>
    </message>
    <message>
        <source>must be a number, got %1</source>
        <translation>必须是数字，实际为%1</translation>
    </message>
    <message>
        <source>must be an object, got %1</source>
        <translation>必须是对象，实际为%1</translation>
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
        <source>'%1' is not supported (expected "1.0")</source>
        <translation>不支持“%1”（应为 "1.0"）</translation>
    </message>
    <message>
        <source>is '%1', expected '%2'</source>
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
        <source>'%1' is not a known sign method (expected Sha256)</source>
        <translation>“%1”不是已知的签名方法（应为 Sha256）</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>'%1' is longer than 10 digits</source>
        <translation>“%1”超过 10 位数字</translation>
    </message>
    <message>
        <source>'%1' is not a decimal number</source>
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
        <source>must be %1 hex digits for %2, got "%3"</source>
        <translation>%2 要求 %1 位十六进制数字，实际为“%3”</translation>
    </message>
    <message>
        <source>is not a valid URL: %1</source>
        <translation>不是有效的 URL：%1</translation>
    </message>
    <message>
        <source>must be http or https, got "%1"</source>
        <translation>必须是 http 或 https，实际为“%1”</translation>
    </message>
    <message>
        <source>has no host</source>
        <translation>缺少主机名</translation>
    </message>
    <message>
        <source>'%1' is not supported (expected "file")</source>
        <translation>不支持“%1”（应为 "file"）</translation>
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
    <name>ConfigDeck::Ui::MainWindow</name>
    <message>
        <source>ConfigDeck</source>
        <translation>ConfigDeck</translation>
    </message>
    <message>
        <source>Reply codes</source>
        <translation>返回码</translation>
    </message>
    <message numerus="yes">
        <source>Reply-code reference: %n code(s)</source>
        <translation><numerusform>返回码参考：共 %n 个</numerusform></translation>
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
        <source>About ConfigDeck</source>
        <translation>关于 ConfigDeck</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ConfigDeck %1&lt;/h3&gt;&lt;p&gt;Remote-configuration console for IoT device fleets that speak the Alink protocol.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ConfigDeck %1&lt;/h3&gt;&lt;p&gt;面向使用 Alink 协议的物联网设备群的远程配置控制台。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。&lt;/p&gt;</translation>
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
        <translation><numerusform>显示 %n 个返回码</numerusform></translation>
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
        <source>The download did not finish within the device's time limit.</source>
        <translation>下载未在设备的时限内完成。</translation>
    </message>
    <message>
        <source>TLS failure</source>
        <translation>TLS 失败</translation>
    </message>
    <message>
        <source>The file server's certificate could not be verified.</source>
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
        <source>The platform could not look up the device's product.</source>
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
        <source>The request's signature is invalid.</source>
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
        <source>A code the device's firmware defines (100000-110000); its meaning is in the firmware's documentation.</source>
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
    <name>Topic</name>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>contains '%1', which cannot stand in an MQTT topic level</source>
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
        <source>'%1' is not a remote-configuration topic</source>
        <translation>“%1”不是远程配置 Topic</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Remote-configuration console for Alink IoT device fleets.</source>
        <translation>面向 Alink 物联网设备群的远程配置控制台。</translation>
    </message>
</context>
</TS>