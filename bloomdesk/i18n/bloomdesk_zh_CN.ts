<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountEditor</name>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Provider</source>
        <translation>服务商(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>地址(&amp;D)</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>API 密钥(&amp;K)</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>An account named {label!r} exists already.</source>
        <translation>名为 {label!r} 的账户已存在。</translation>
    </message>
    <message>
        <source>Ask the provider for the balance with these details, before anything is saved</source>
        <translation>在保存之前，用这些信息向服务商查询余额</translation>
    </message>
    <message>
        <source>Asking the provider for the balance…</source>
        <translation>正在向服务商查询余额…</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>关闭且不保存</translation>
    </message>
    <message>
        <source>Connected. Balance: {balance}</source>
        <translation>已连接。余额：{balance}</translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation>编辑账户</translation>
    </message>
    <message>
        <source>Enter the API key (from the provider&apos;s dashboard).</source>
        <translation>请输入 API 密钥（在服务商的控制台中获取）。</translation>
    </message>
    <message>
        <source>Failed unexpectedly: {error}</source>
        <translation>意外失败：{error}</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>请为账户命名。</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>How BloomDesk names this account</source>
        <translation>BloomDesk 中此账户的名称</translation>
    </message>
    <message>
        <source>Key not accepted by the provider: check the key typed above. (Its answer: {answer})</source>
        <translation>服务商未接受该密钥：请检查上面输入的密钥。（服务商的回复：{answer}）</translation>
    </message>
    <message>
        <source>Other SMS-Activate compatible (enter the URL)</source>
        <translation>其他兼容 SMS-Activate 的服务（填写 URL）</translation>
    </message>
    <message>
        <source>Save the account; its key goes to the system keyring</source>
        <translation>保存账户；其密钥将存入系统密钥环</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>显示密钥</translation>
    </message>
    <message>
        <source>Show the key while typing it</source>
        <translation>输入时显示密钥</translation>
    </message>
    <message>
        <source>The API key from the provider&apos;s dashboard; it goes to the system keyring only</source>
        <translation>服务商控制台中的 API 密钥；只保存在系统密钥环中</translation>
    </message>
    <message>
        <source>The name keeps the account&apos;s order history together; add a new account to use another name.</source>
        <translation>名称用于关联该账户的订单历史；如需使用其他名称，请添加新账户。</translation>
    </message>
    <message>
        <source>The provider&apos;s API address; empty: its default</source>
        <translation>服务商的 API 地址；留空则使用默认地址</translation>
    </message>
    <message>
        <source>The service this account belongs to</source>
        <translation>此账户所属的服务</translation>
    </message>
    <message>
        <source>a name you recognise, e.g. BloomSMS main</source>
        <translation>便于识别的名称，例如“BloomSMS 主账户”</translation>
    </message>
    <message>
        <source>another SMS</source>
        <translation>再次获取短信</translation>
    </message>
    <message>
        <source>answers {actions}</source>
        <translation>支持 {actions}</translation>
    </message>
    <message>
        <source>batch polling</source>
        <translation>批量轮询</translation>
    </message>
    <message>
        <source>cancel and complete only</source>
        <translation>仅支持取消和完成</translation>
    </message>
    <message>
        <source>cancels accepted {minutes} min after purchase</source>
        <translation>购买 {minutes} 分钟后才可取消</translation>
    </message>
    <message>
        <source>default: {url}</source>
        <translation>默认：{url}</translation>
    </message>
    <message>
        <source>leave empty to keep the saved key</source>
        <translation>留空则保留已保存的密钥</translation>
    </message>
    <message>
        <source>re-rent</source>
        <translation>再次租用</translation>
    </message>
    <message>
        <source>required: the provider&apos;s handler_api.php URL</source>
        <translation>必填：服务商的 handler_api.php 地址</translation>
    </message>
    <message>
        <source>silent orders are charged after {seconds} s (auto-cancel on)</source>
        <translation>未收到短信的订单 {seconds} 秒后计费（已开启自动取消）</translation>
    </message>
    <message>
        <source>{rate} requests/min</source>
        <translation>每分钟 {rate} 次请求</translation>
    </message>
</context>
<context>
    <name>AccountsControl</name>
    <message>
        <source>The accounts were changed by another BloomDesk</source>
        <translation>账户已被另一个 BloomDesk 更改</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>删除(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Ask the provider for the balance with the saved key</source>
        <translation>用已保存的密钥向服务商查询余额</translation>
    </message>
    <message>
        <source>Asking {label} for its balance…</source>
        <translation>正在查询 {label} 的余额…</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>关闭此窗口</translation>
    </message>
    <message>
        <source>Edit the selected account</source>
        <translation>编辑所选账户</translation>
    </message>
    <message>
        <source>Every account, where its key is kept and its balance; Enter or a double-click edits the selected one</source>
        <translation>所有账户、密钥的保存位置及余额；按 Enter 或双击可编辑所选账户</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>删除账户</translation>
    </message>
    <message>
        <source>Remove the selected account</source>
        <translation>删除所选账户</translation>
    </message>
    <message>
        <source>Remove {label}? Its key comes from the environment and stays there; its order history stays in the journal.</source>
        <translation>删除 {label}？它的密钥来自环境变量，将保留在那里；它的订单历史仍保存在日志中。</translation>
    </message>
    <message>
        <source>Remove {label}? Its key is deleted from the keyring; its order history stays in the journal.</source>
        <translation>删除 {label}？其密钥将从密钥环中删除；订单历史仍保留在日志中。</translation>
    </message>
    <message>
        <source>Remove {label}? Its key, kept for this session only, is forgotten; its order history stays in the journal.</source>
        <translation>删除 {label}？它仅在本次会话中保存的密钥将被遗忘；它的订单历史仍保存在日志中。</translation>
    </message>
    <message>
        <source>Select an account first.</source>
        <translation>请先选择一个账户。</translation>
    </message>
    <message>
        <source>from the environment</source>
        <translation>来自环境变量</translation>
    </message>
    <message>
        <source>in the keyring</source>
        <translation>在密钥环中</translation>
    </message>
    <message>
        <source>missing: edit to add</source>
        <translation>缺失：请编辑以添加</translation>
    </message>
    <message>
        <source>this session only</source>
        <translation>仅限本次会话</translation>
    </message>
    <message>
        <source>{label} removed.</source>
        <translation>已删除 {label}。</translation>
    </message>
    <message>
        <source>{label} saved. Its key is kept for this session only: no keyring is available.</source>
        <translation>已保存 {label}。没有可用的密钥环，其密钥仅在本次会话中保留。</translation>
    </message>
    <message>
        <source>{label} saved; its key is in the system keyring.</source>
        <translation>已保存 {label}；其密钥在系统密钥环中。</translation>
    </message>
    <message>
        <source>{label}: connected. Balance: {balance}</source>
        <translation>{label}：已连接。余额：{balance}</translation>
    </message>
</context>
<context>
    <name>BalanceBar</name>
    <message>
        <source>Balances</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Below your warning threshold of {amount}</source>
        <translation>低于您设置的提醒阈值 {amount}</translation>
    </message>
    <message>
        <source>Not read yet</source>
        <translation>尚未读取</translation>
    </message>
    <message>
        <source>Refresh balances and prices (F5)</source>
        <translation>刷新余额和价格 (F5)</translation>
    </message>
    <message>
        <source>The amount shown is the last one read.</source>
        <translation>显示的是上次读取的金额。</translation>
    </message>
    <message>
        <source>{amount}, read at {time}</source>
        <translation>{amount}，读取于 {time}</translation>
    </message>
    <message>
        <source>⚠ The refresh at {time} failed: {error}</source>
        <translation>⚠ {time} 的刷新失败：{error}</translation>
    </message>
    <message>
        <source>⟳ Refresh</source>
        <translation>⟳ 刷新</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
</context>
<context>
    <name>Buyer</name>
    <message>
        <source>&amp;Buy</source>
        <translation>购买(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Operator</source>
        <translation>运营商(&amp;O)</translation>
    </message>
    <message>
        <source>. Nothing was bought.</source>
        <translation>。未购买任何号码。</translation>
    </message>
    <message>
        <source>. Order #{order}: {phone}, waiting for the code</source>
        <translation>。订单 #{order}：{phone}，正在等待验证码</translation>
    </message>
    <message>
        <source>A purchase is already under way: wait for its answer.</source>
        <translation>已有一笔购买正在进行：请等待其结果。</translation>
    </message>
    <message>
        <source>Any operator</source>
        <translation>任意运营商</translation>
    </message>
    <message>
        <source>Buy &amp;best</source>
        <translation>购买最优(&amp;B)</translation>
    </message>
    <message>
        <source>Buy a number</source>
        <translation>购买号码</translation>
    </message>
    <message>
        <source>Buy a {service} number in {country} from {account} for {price}?</source>
        <translation>以 {price} 从 {account} 购买 {country} 的 {service} 号码？</translation>
    </message>
    <message>
        <source>Buy a {service} number in {country} on {account} for {price}?</source>
        <translation>以 {price} 在 {account} 购买 {country} 的 {service} 号码？</translation>
    </message>
    <message>
        <source>Buy the best route</source>
        <translation>购买最优线路</translation>
    </message>
    <message>
        <source>Buying</source>
        <translation>购买</translation>
    </message>
    <message>
        <source>Buying the best route</source>
        <translation>正在购买最优线路</translation>
    </message>
    <message>
        <source>Buying {service} in {place} from {account}…</source>
        <translation>正在从 {account} 购买 {place} 的 {service}…</translation>
    </message>
    <message>
        <source>Buying {service} in {place} on the best account…</source>
        <translation>正在以最优账户购买 {place} 的 {service}…</translation>
    </message>
    <message>
        <source>If it has none, the next of the {more} other account(s) selling it, at most {tries} tries in all, each at its own price. Never two numbers.</source>
        <translation>如果该账户没有号码，则依次尝试其余 {more} 个在售账户，最多共 {tries} 次，每次按各自的价格。绝不会买两个号码。</translation>
    </message>
    <message>
        <source>No account has {service} in {place} in stock: nothing bought.</source>
        <translation>没有任何账户有 {place} 的 {service} 库存：未购买。</translation>
    </message>
    <message>
        <source>Order #{order}: {phone} for {service} — waiting for the code</source>
        <translation>订单 #{order}：{service} 的号码 {phone}，正在等待验证码</translation>
    </message>
    <message>
        <source>Reading the operators</source>
        <translation>正在读取运营商</translation>
    </message>
    <message>
        <source>The operators could not be read: {error}</source>
        <translation>无法读取运营商列表：{error}</translation>
    </message>
    <message>
        <source>Where the provider offers a choice of mobile operator</source>
        <translation>服务商提供运营商选择时可用</translation>
    </message>
    <message>
        <source>{account} has no {service} number in {place} at {price} (now {now}): the price moved or the stock ran out since the prices were read. Nothing was bought; that offer is being read again.</source>
        <translation>{account} 没有价格为 {price} 的 {place} {service} 号码（现价 {now}）：读取价格后价格已变或库存已空。未购买；正在重新读取该报价。</translation>
    </message>
    <message>
        <source>{account} has no {service} number in {place} at {price}: the price moved or the stock ran out since the prices were read. Nothing was bought; that offer is being read again.</source>
        <translation>{account} 没有价格为 {price} 的 {place} {service} 号码：读取价格后价格已变或库存已空。未购买；正在重新读取该报价。</translation>
    </message>
    <message>
        <source>{place} on {account}: {outcome}</source>
        <translation>{account} 的 {place}：{outcome}</translation>
    </message>
    <message>
        <source>{service} in {place} is out of stock at {account}: nothing bought.</source>
        <translation>{account} 的 {place} {service} 已无库存：未购买。</translation>
    </message>
</context>
<context>
    <name>CodeActions</name>
    <message>
        <source>Code {code} for {service} ({phone})</source>
        <translation>{service} 的验证码 {code}（{phone}）</translation>
    </message>
    <message>
        <source>Copied phone {number}</source>
        <translation>已复制号码 {number}</translation>
    </message>
    <message>
        <source>Copied {code}</source>
        <translation>已复制 {code}</translation>
    </message>
    <message>
        <source>Copied {code} — cleared in {seconds} s</source>
        <translation>已复制 {code} — {seconds} 秒后清除</translation>
    </message>
    <message>
        <source>No code to copy.</source>
        <translation>没有可复制的验证码。</translation>
    </message>
    <message>
        <source>Select an order with a number first.</source>
        <translation>请先选择一个有号码的订单。</translation>
    </message>
</context>
<context>
    <name>CodeNotice</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy this code (the clipboard keeps it secret)</source>
        <translation>复制此验证码（剪贴板会将其保密）</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>新验证码</translation>
    </message>
</context>
<context>
    <name>CodesPane</name>
    <message>
        <source>Click or Ctrl+C copies a code; Ctrl+Shift+C the newest; Ctrl+1…9 the n-th</source>
        <translation>单击或 Ctrl+C 复制验证码；Ctrl+Shift+C 复制最新的；Ctrl+1…9 复制第 n 个</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>Codes appear here the moment they arrive.</source>
        <translation>验证码一到就会显示在这里。</translation>
    </message>
    <message>
        <source>{service} · {phone} · order #{order}</source>
        <translation>{service} · {phone} · 订单 #{order}</translation>
    </message>
    <message>
        <source>☎ by voice call</source>
        <translation>☎ 语音来电</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>购买时间</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>What the number cost; a refunded one says so</source>
        <translation>号码的价格；已退款的会注明</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>code received</source>
        <translation>已收到验证码</translation>
    </message>
    <message>
        <source>completed, no code</source>
        <translation>已完成，无验证码</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>failed, not bought</source>
        <translation>失败，未购买</translation>
    </message>
    <message>
        <source>{price}, refunded</source>
        <translation>{price}，已退款</translation>
    </message>
</context>
<context>
    <name>HistoryChart</name>
    <message>
        <source>(only {currency} is charted)</source>
        <translation>（图表仅显示 {currency}）</translation>
    </message>
    <message>
        <source>No money spent in this selection</source>
        <translation>所选范围内没有花费</translation>
    </message>
    <message>
        <source>No number bought in this selection</source>
        <translation>所选范围内没有购买号码</translation>
    </message>
    <message>
        <source>Numbers that got a code, per service</source>
        <translation>各服务收到验证码的号码</translation>
    </message>
    <message>
        <source>Spent per day, by account</source>
        <translation>按账户统计的每日花费</translation>
    </message>
    <message>
        <source>Spent per {days} days, by account</source>
        <translation>按账户统计的每 {days} 天花费</translation>
    </message>
    <message>
        <source>and {count} more services</source>
        <translation>以及另外 {count} 个服务</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>{account}: {spent}</source>
        <translation>{account}：{spent}</translation>
    </message>
    <message>
        <source>{account}: {spent} ({refunded} refunded)</source>
        <translation>{account}：{spent}（已退款 {refunded}）</translation>
    </message>
    <message>
        <source>{rate}% · {got} of {orders}</source>
        <translation>{rate}% · {orders} 个中 {got} 个</translation>
    </message>
    <message>
        <source>{service}: {got} of {orders} numbers bought got a code</source>
        <translation>{service}：购买的 {orders} 个号码中有 {got} 个收到验证码</translation>
    </message>
    <message>
        <source>{when}: nothing spent</source>
        <translation>{when}：没有花费</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>&amp;Account:</source>
        <translation>账户(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>结果(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>服务(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>(the newest {limit} orders only)</source>
        <translation>（仅最新的 {limit} 个订单）</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>全部账户</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>全部服务</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>任意结果</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Close the history</source>
        <translation>关闭历史记录</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export the history as CSV</source>
        <translation>将历史记录导出为 CSV</translation>
    </message>
    <message>
        <source>Finished orders</source>
        <translation>已结束的订单</translation>
    </message>
    <message>
        <source>From the first order to today</source>
        <translation>从第一个订单到今天</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>No finished order matches these filters.</source>
        <translation>没有符合这些筛选条件的已结束订单。</translation>
    </message>
    <message>
        <source>No finished orders yet: a number you buy shows here once it ends.</source>
        <translation>还没有已结束的订单：购买的号码结束后会显示在这里。</translation>
    </message>
    <message>
        <source>Only the orders that ended so</source>
        <translation>仅以此结果结束的订单</translation>
    </message>
    <message>
        <source>Only this account&apos;s orders</source>
        <translation>仅此账户的订单</translation>
    </message>
    <message>
        <source>Only this service&apos;s orders</source>
        <translation>仅此服务的订单</translation>
    </message>
    <message>
        <source>Orders: {orders} · with a code: {code} ({share}%) · spent: {spent} · refunded: {refunded} · net: {net}</source>
        <translation>订单：{orders} · 收到验证码：{code}（{share}%）· 花费：{spent} · 退款：{refunded} · 净额：{net}</translation>
    </message>
    <message>
        <source>The first day shown</source>
        <translation>显示的第一天</translation>
    </message>
    <message>
        <source>The last day shown</source>
        <translation>显示的最后一天</translation>
    </message>
    <message>
        <source>The orders the filters let through</source>
        <translation>符合筛选条件的订单</translation>
    </message>
    <message>
        <source>Write the orders shown to a CSV file</source>
        <translation>将显示的订单写入 CSV 文件</translation>
    </message>
    <message>
        <source>{count} orders written to {path}</source>
        <translation>已将 {count} 个订单写入 {path}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Accounts…</source>
        <translation>账户(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Find offer</source>
        <translation>查找报价(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Refresh balances and prices</source>
        <translation>刷新余额和价格(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Accounts shown</source>
        <translation>显示的账户</translation>
    </message>
    <message>
        <source>Active orders</source>
        <translation>进行中的订单</translation>
    </message>
    <message>
        <source>BloomDesk cannot start</source>
        <translation>BloomDesk 无法启动</translation>
    </message>
    <message>
        <source>BloomDesk — demo (simulated providers)</source>
        <translation>BloomDesk — 演示（模拟服务商）</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>Copy &amp;newest code</source>
        <translation>复制最新验证码(&amp;N)</translation>
    </message>
    <message>
        <source>Copy &amp;selected code</source>
        <translation>复制所选验证码(&amp;S)</translation>
    </message>
    <message>
        <source>Copy code {n}</source>
        <translation>复制第 {n} 个验证码</translation>
    </message>
    <message>
        <source>Copy new codes &amp;automatically</source>
        <translation>自动复制新验证码(&amp;A)</translation>
    </message>
    <message>
        <source>Copy the order&apos;s &amp;phone number</source>
        <translation>复制订单的号码(&amp;P)</translation>
    </message>
    <message>
        <source>Filter offers</source>
        <translation>筛选报价</translation>
    </message>
    <message>
        <source>Hi&amp;story…</source>
        <translation>历史记录(&amp;S)…</translation>
    </message>
    <message>
        <source>Offers: Enter buys the selected one, Shift+Enter the best route, F pins it as a favourite</source>
        <translation>报价：Enter 购买所选报价，Shift+Enter 购买最优线路，F 将其置顶收藏</translation>
    </message>
    <message>
        <source>One account&apos;s offers, every account&apos;s, or the best offer of each route</source>
        <translation>单个账户的报价、全部账户的报价，或每条线路的最优报价</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Received codes, newest first: Enter or Ctrl+C copies the selected one</source>
        <translation>收到的验证码，最新的在前：Enter 或 Ctrl+C 复制所选验证码</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>设置已保存</translation>
    </message>
    <message>
        <source>Starting the demo&apos;s simulated providers…</source>
        <translation>正在启动演示用的模拟服务商…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Type part of a service or a country; Down or Enter goes to the offers</source>
        <translation>输入服务或国家名称的一部分；按下方向键或 Enter 跳到报价</translation>
    </message>
    <message>
        <source>Your live orders with their countdowns; Tab reaches their actions, Ctrl+Shift+P copies the phone number</source>
        <translation>您进行中的订单及倒计时；Tab 可切换到订单操作，Ctrl+Shift+P 复制号码</translation>
    </message>
</context>
<context>
    <name>OffersModel</name>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Favourites stay on top (toggle with F or a click on the star)</source>
        <translation>收藏始终置顶（按 F 或单击星标切换）</translation>
    </message>
    <message>
        <source>Median code time</source>
        <translation>验证码中位时间</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Your success</source>
        <translation>您的成功率</translation>
    </message>
    <message>
        <source>out of stock</source>
        <translation>无库存</translation>
    </message>
    <message>
        <source>{account}: {price} ({stock} in stock)</source>
        <translation>{account}：{price}（库存 {stock}）</translation>
    </message>
    <message>
        <source>{country} — id {id} at {account}</source>
        <translation>{country} — {account} 中的 ID {id}</translation>
    </message>
    <message>
        <source>{got} of your {orders} orders here got a code</source>
        <translation>您在此的 {orders} 个订单中有 {got} 个收到了验证码</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>{service} in {place}, in stock on:</source>
        <translation>{place} 的 {service} 在以下账户有库存：</translation>
    </message>
    <message>
        <source>{share}% of {orders}</source>
        <translation>{orders} 个中 {share}%</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <source>Another SMS</source>
        <translation>再次获取短信</translation>
    </message>
    <message>
        <source>Asking the provider for another SMS…</source>
        <translation>正在向服务商请求再次发送短信…</translation>
    </message>
    <message>
        <source>Asking the provider to cancel…</source>
        <translation>正在请求服务商取消…</translation>
    </message>
    <message>
        <source>Auto-cancel is already off for this order: silence past the deadline will be charged.</source>
        <translation>此订单的自动取消已关闭：超过期限仍未收到短信将会计费。</translation>
    </message>
    <message>
        <source>Auto-cancel is not needed at {title}: it charges nothing for silence and refunds a cancelled order.</source>
        <translation>{title} 无需自动取消：未收到短信不计费，取消的订单也会退款。</translation>
    </message>
    <message>
        <source>Auto-cancel is not needed at {title}: it charges nothing for silence.</source>
        <translation>{title} 无需自动取消：未收到短信不计费。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Keep past deadline</source>
        <translation>不自动取消</translation>
    </message>
    <message>
        <source>Only a silent order is auto-cancelled; this one has its code.</source>
        <translation>只有未收到短信的订单才会被自动取消；此订单已收到验证码。</translation>
    </message>
    <message>
        <source>Order #{order} ({phone}) cancelled.</source>
        <translation>订单 #{order}（{phone}）已取消。</translation>
    </message>
    <message>
        <source>Order #{order} ({phone}) cancelled; {price} goes back to {account}.</source>
        <translation>订单 #{order}（{phone}）已取消；{price} 将退回 {account}。</translation>
    </message>
    <message>
        <source>Order #{order} ({phone}) completed.</source>
        <translation>订单 #{order}（{phone}）已完成。</translation>
    </message>
    <message>
        <source>Order #{order} ({phone}) left the list: {why}</source>
        <translation>订单 #{order}（{phone}）已移出列表：{why}</translation>
    </message>
    <message>
        <source>Order #{order} ({phone}): another SMS asked for; its code will show here.</source>
        <translation>订单 #{order}（{phone}）：已请求再次发送短信；验证码将显示在这里。</translation>
    </message>
    <message>
        <source>Order #{order} dismissed: marked failed here; nothing was sent to the provider.</source>
        <translation>订单 #{order} 已作废：在此标记为失败；未向服务商发送任何请求。</translation>
    </message>
    <message>
        <source>Order #{order} will not be auto-cancelled: if it stays silent past its free-cancel deadline, it will be charged.</source>
        <translation>订单 #{order} 不会被自动取消：如果在免费取消期限后仍未收到短信，将会计费。</translation>
    </message>
    <message>
        <source>Re-rent</source>
        <translation>再次租用</translation>
    </message>
    <message>
        <source>Rent again</source>
        <translation>再次租用</translation>
    </message>
    <message>
        <source>Rent the number again</source>
        <translation>再次租用号码</translation>
    </message>
    <message>
        <source>Rent {phone} again for {service} from {account} for {price}, the price of this order?</source>
        <translation>以此订单的价格 {price} 从 {account} 再次租用 {phone} 用于 {service}？</translation>
    </message>
    <message>
        <source>Renting the number again…</source>
        <translation>正在再次租用号码…</translation>
    </message>
    <message>
        <source>Telling the provider the code was used…</source>
        <translation>正在通知服务商验证码已使用…</translation>
    </message>
    <message>
        <source>Waiting for the provider&apos;s answer to your last action on this order.</source>
        <translation>正在等待服务商对您上次操作此订单的回复。</translation>
    </message>
    <message>
        <source>asking for another SMS…</source>
        <translation>正在请求再次发送短信…</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>completing…</source>
        <translation>正在完成…</translation>
    </message>
    <message>
        <source>renting again…</source>
        <translation>正在再次租用…</translation>
    </message>
    <message>
        <source>{action} failed: {message}</source>
        <translation>{action}失败：{message}</translation>
    </message>
    <message>
        <source>{action} not sent: {message}</source>
        <translation>{action}未发送：{message}</translation>
    </message>
    <message>
        <source>{action} of order #{order} failed: {message}</source>
        <translation>订单 #{order} {action}失败：{message}</translation>
    </message>
    <message>
        <source>{action} of order #{order} not sent: {message}</source>
        <translation>订单 #{order} {action}未发送：{message}</translation>
    </message>
    <message>
        <source>{action} of order #{order} refused by {account}: {message}</source>
        <translation>订单 #{order} {action}被 {account} 拒绝：{message}</translation>
    </message>
    <message>
        <source>{action} refused by {account}: {message}</source>
        <translation>{action}被 {account} 拒绝：{message}</translation>
    </message>
    <message>
        <source>{lower} failed</source>
        <translation>{lower}失败</translation>
    </message>
    <message>
        <source>{lower} not sent</source>
        <translation>{lower}未发送</translation>
    </message>
    <message>
        <source>{lower} refused</source>
        <translation>{lower}被拒绝</translation>
    </message>
    <message>
        <source>{phone} rented again as order #{order} for {price}.</source>
        <translation>{phone} 已再次租用，订单 #{order}，价格 {price}。</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Free cancel</source>
        <translation>免费取消</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time left to cancel a silent order for free</source>
        <translation>未收到短信的订单可免费取消的剩余时间</translation>
    </message>
    <message>
        <source>Time until the provider ends the order</source>
        <translation>距离服务商结束订单的时间</translation>
    </message>
    <message>
        <source>buying…</source>
        <translation>购买中…</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>code received</source>
        <translation>已收到验证码</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>unknown — checking</source>
        <translation>未知 — 正在核实</translation>
    </message>
    <message>
        <source>waiting for SMS</source>
        <translation>等待短信</translation>
    </message>
    <message>
        <source>waiting for next SMS</source>
        <translation>等待下一条短信</translation>
    </message>
    <message>
        <source>{countdown} (auto-cancel off)</source>
        <translation>{countdown}（自动取消已关闭）</translation>
    </message>
</context>
<context>
    <name>OrdersPanel</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>作废(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep past deadline</source>
        <translation>不自动取消(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Re-rent</source>
        <translation>再次租用(&amp;R)</translation>
    </message>
    <message>
        <source>Active orders</source>
        <translation>进行中的订单</translation>
    </message>
    <message>
        <source>Another &amp;SMS</source>
        <translation>再次获取短信(&amp;S)</translation>
    </message>
    <message>
        <source>Ask the provider to send another SMS to this number</source>
        <translation>请服务商向此号码再发送一条短信</translation>
    </message>
    <message>
        <source>C&amp;omplete</source>
        <translation>完成(&amp;O)</translation>
    </message>
    <message>
        <source>Cancel the number (refunded where the provider allows)</source>
        <translation>取消号码（服务商允许时退款）</translation>
    </message>
    <message>
        <source>Finish the order: the code was used</source>
        <translation>完成订单：验证码已使用</translation>
    </message>
    <message>
        <source>No active orders. Pick an offer above and press Enter to buy.</source>
        <translation>没有进行中的订单。在上方选择报价并按 Enter 购买。</translation>
    </message>
    <message>
        <source>Rent the same number again for another code (asks first: it costs money)</source>
        <translation>再次租用同一号码以获取新验证码（会先确认：需要付费）</translation>
    </message>
    <message>
        <source>Select an order first.</source>
        <translation>请先选择一个订单。</translation>
    </message>
    <message>
        <source>Settle an order whose purchase never answered: it is marked failed here and nothing is sent to the provider. Use it only after checking on the provider&apos;s site that no number was bought.</source>
        <translation>处理购买后一直没有回复的订单：在此标记为失败，不向服务商发送任何请求。请先在服务商网站确认没有购买号码后再使用。</translation>
    </message>
    <message>
        <source>Turn auto-cancel off for this order: silence past the free-cancel deadline will then be charged</source>
        <translation>关闭此订单的自动取消：超过免费取消期限仍未收到短信将会计费</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Gentle: half as often</source>
        <translation>温和：频率减半</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Quick: twice as often</source>
        <translation>快速：频率加倍</translation>
    </message>
</context>
<context>
    <name>PriceController</name>
    <message>
        <source>No accounts yet: add one with File → Accounts… (Ctrl+Shift+A). To look around first, start bloomdesk --demo.</source>
        <translation>还没有账户：请通过 文件 → 账户… (Ctrl+Shift+A) 添加。想先体验一下，可运行 bloomdesk --demo。</translation>
    </message>
    <message>
        <source>No accounts: no prices to show.</source>
        <translation>没有账户：无价格可显示。</translation>
    </message>
    <message>
        <source>Prices of {account} read ({count} offers)</source>
        <translation>已读取 {account} 的价格（{count} 个报价）</translation>
    </message>
    <message>
        <source>Refreshing balances</source>
        <translation>刷新余额</translation>
    </message>
    <message>
        <source>Refreshing balances…</source>
        <translation>正在刷新余额…</translation>
    </message>
</context>
<context>
    <name>PricePanel</name>
    <message>
        <source>&amp;Hide out of stock</source>
        <translation>隐藏缺货(&amp;H)</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>全部账户</translation>
    </message>
    <message>
        <source>All {total} offers are out of stock.</source>
        <translation>全部 {total} 个报价均无库存。</translation>
    </message>
    <message>
        <source>Best of all accounts</source>
        <translation>全部账户中的最优</translation>
    </message>
    <message>
        <source>Buy &amp;best</source>
        <translation>购买最优(&amp;B)</translation>
    </message>
    <message>
        <source>Buy (Enter)</source>
        <translation>购买 (Enter)</translation>
    </message>
    <message>
        <source>Buy the selected offer, after a question with its price and your balance after</source>
        <translation>购买所选报价（会先显示价格和购买后余额供确认）</translation>
    </message>
    <message>
        <source>Buy this service in this country on the account that sells it cheapest, the next one if that has no numbers (Shift+Enter)</source>
        <translation>在售价最低的账户购买该国家的此服务，若该账户无号码则尝试下一个 (Shift+Enter)</translation>
    </message>
    <message>
        <source>Buying…</source>
        <translation>购买中…</translation>
    </message>
    <message>
        <source>Filter services and countries (Ctrl+F)…</source>
        <translation>筛选服务和国家 (Ctrl+F)…</translation>
    </message>
    <message>
        <source>Loading prices of {accounts}…</source>
        <translation>正在加载 {accounts} 的价格…</translation>
    </message>
    <message>
        <source>Loading prices…</source>
        <translation>正在加载价格…</translation>
    </message>
    <message>
        <source>No offer is selected: pick one with the arrow keys or a click, then press Enter.</source>
        <translation>未选择报价：用方向键或单击选择一个，然后按 Enter。</translation>
    </message>
    <message>
        <source>No offers match “{text}” (of {total}).</source>
        <translation>没有与“{text}”匹配的报价（共 {total} 个）。</translation>
    </message>
    <message>
        <source>No offers match “{text}”: nothing to buy.</source>
        <translation>没有与“{text}”匹配的报价：无可购买。</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Show only the offers with numbers in stock</source>
        <translation>只显示有号码库存的报价</translation>
    </message>
    <message>
        <source>There are no prices to buy from yet.</source>
        <translation>还没有可供购买的价格。</translation>
    </message>
    <message>
        <source>could not load the prices of {account}: {error} (F5 tries again)</source>
        <translation>无法加载 {account} 的价格：{error}（按 F5 重试）</translation>
    </message>
    <message>
        <source>prices from {age}</source>
        <translation>价格更新于{age}</translation>
    </message>
    <message>
        <source>refresh failed of {account}: {error} (F5 tries again)</source>
        <translation>{account} 刷新失败：{error}（按 F5 重试）</translation>
    </message>
    <message>
        <source>refresh failed: {error} (F5 tries again)</source>
        <translation>刷新失败：{error}（按 F5 重试）</translation>
    </message>
    <message>
        <source>refreshing…</source>
        <translation>正在刷新…</translation>
    </message>
    <message>
        <source>{service} in {place} is hidden by the filter: nothing bought. Pick a shown offer, then press Enter.</source>
        <translation>{place} 的 {service} 被筛选条件隐藏：未购买。请选择一个显示中的报价，然后按 Enter。</translation>
    </message>
    <message>
        <source>{shown} of {total} offers</source>
        <translation>{total} 个报价中的 {shown} 个</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Polling</source>
        <translation>轮询频率(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Receive sms.received events</source>
        <translation>接收 sms.received 事件(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;URL</source>
        <translation>地址(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Warn when a balance is under</source>
        <translation>余额低于此值时提醒(&amp;W)</translation>
    </message>
    <message>
        <source>127.0.0.1 with a tunnel or port forward; 0.0.0.0 listens on every interface.</source>
        <translation>127.0.0.1 配合隧道或端口转发使用；0.0.0.0 在所有网络接口上监听。</translation>
    </message>
    <message>
        <source>A balance under this shows red.</source>
        <translation>低于此金额的余额会显示为红色。</translation>
    </message>
    <message>
        <source>A copied code is cleared from the clipboard after this long, and on quit, if the clipboard still holds it.</source>
        <translation>复制的验证码会在这段时间后以及退出时从剪贴板清除（如果剪贴板中仍是它）。</translation>
    </message>
    <message>
        <source>A desktop notification (or a notice in the window) with the code; a click copies it</source>
        <translation>带有验证码的桌面通知（或窗口内通知）；单击即可复制</translation>
    </message>
    <message>
        <source>Also in the Edit menu</source>
        <translation>也可在“编辑”菜单中设置</translation>
    </message>
    <message>
        <source>Applies at the next start.</source>
        <translation>下次启动时生效。</translation>
    </message>
    <message>
        <source>As the system ({language})</source>
        <translation>跟随系统（{language}）</translation>
    </message>
    <message>
        <source>At providers that charge for a number that got no SMS: cancelled while it is still free</source>
        <translation>在对未收到短信的号码收费的服务商处：趁仍可免费时取消</translation>
    </message>
    <message>
        <source>Auto-cancel</source>
        <translation>自动取消</translation>
    </message>
    <message>
        <source>BloomSMS then pushes each code the moment it arrives</source>
        <translation>开启后 BloomSMS 会在验证码到达时立即推送</translation>
    </message>
    <message>
        <source>BloomSMS webhook (codes pushed the instant they arrive)</source>
        <translation>BloomSMS Webhook（验证码到达即推送）</translation>
    </message>
    <message>
        <source>C&amp;lear copied codes after</source>
        <translation>清除已复制的验证码(&amp;L)</translation>
    </message>
    <message>
        <source>Cancel silent orders 20 s before their free-cancel deadline, where silence costs money</source>
        <translation>在需要为未收到短信付费的服务商处，于免费取消期限前 20 秒取消未收到短信的订单</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>关闭且不保存</translation>
    </message>
    <message>
        <source>Copy each new code to the clipboard as it arrives</source>
        <translation>每收到一个新验证码就复制到剪贴板</translation>
    </message>
    <message>
        <source>Copy the URL</source>
        <translation>复制该地址</translation>
    </message>
    <message>
        <source>How often active orders are checked. Every account stays within its provider&apos;s rate limit whatever you choose.</source>
        <translation>检查进行中订单的频率。无论如何选择，每个账户都不会超出服务商的请求频率限制。</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation>关闭窗口后在托盘中继续运行</translation>
    </message>
    <message>
        <source>L&amp;anguage</source>
        <translation>语言(&amp;A)</translation>
    </message>
    <message>
        <source>Listen o&amp;n</source>
        <translation>监听地址(&amp;N)</translation>
    </message>
    <message>
        <source>Make a new secret path; the old URL stops working.</source>
        <translation>生成新的秘密路径；旧地址将失效。</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>New s&amp;ecret</source>
        <translation>新密钥路径(&amp;E)</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Notify me when a code arrives</source>
        <translation>收到验证码时通知我</translation>
    </message>
    <message>
        <source>Orders and codes</source>
        <translation>订单和验证码</translation>
    </message>
    <message>
        <source>Orders are still polled and codes notified; quit from the tray menu</source>
        <translation>仍会轮询订单并通知验证码；可从托盘菜单退出</translation>
    </message>
    <message>
        <source>Paste this URL into the BloomSMS dashboard, reached through your tunnel or port forward (replace the host with your public address). Polling continues, slower, as a safety net.</source>
        <translation>将此地址粘贴到 BloomSMS 控制台，并通过您的隧道或端口转发访问（把主机替换为您的公网地址）。轮询会以较低频率继续，作为保障。</translation>
    </message>
    <message>
        <source>Save these settings</source>
        <translation>保存这些设置</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>The address to paste into the BloomSMS dashboard (its path is a secret).</source>
        <translation>要粘贴到 BloomSMS 控制台的地址（其路径是保密的）。</translation>
    </message>
    <message>
        <source>The language of the window. It changes at the next start of BloomDesk.</source>
        <translation>窗口的语言。将在下次启动 BloomDesk 时更改。</translation>
    </message>
    <message>
        <source>The port the receiver listens on.</source>
        <translation>接收器监听的端口。</translation>
    </message>
    <message>
        <source>This desktop has no system tray: closing the window quits BloomDesk.</source>
        <translation>此桌面没有系统托盘：关闭窗口将退出 BloomDesk。</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>p&amp;ort</source>
        <translation>端口(&amp;O)</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Failed unexpectedly ({error}); the log has the details.</source>
        <translation>意外失败（{error}）；详情见日志。</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>&amp;Copy newest code</source>
        <translation>复制最新验证码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit BloomDesk</source>
        <translation>退出 BloomDesk(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Show BloomDesk</source>
        <translation>显示 BloomDesk(&amp;S)</translation>
    </message>
    <message>
        <source>BloomDesk is still running</source>
        <translation>BloomDesk 仍在运行</translation>
    </message>
    <message>
        <source>BloomDesk tray menu</source>
        <translation>BloomDesk 托盘菜单</translation>
    </message>
    <message>
        <source>BloomDesk: 1 active order</source>
        <translation>BloomDesk：1 个进行中的订单</translation>
    </message>
    <message>
        <source>BloomDesk: no active orders</source>
        <translation>BloomDesk：没有进行中的订单</translation>
    </message>
    <message>
        <source>BloomDesk: {count} active orders</source>
        <translation>BloomDesk：{count} 个进行中的订单</translation>
    </message>
    <message>
        <source>Bring the window to the front</source>
        <translation>将窗口显示到最前</translation>
    </message>
    <message>
        <source>Click to copy it.</source>
        <translation>单击即可复制。</translation>
    </message>
    <message>
        <source>Code {code}</source>
        <translation>验证码 {code}</translation>
    </message>
    <message>
        <source>Copy the code that arrived last</source>
        <translation>复制最后收到的验证码</translation>
    </message>
    <message>
        <source>Orders are still polled and codes still notified. Quit from the tray menu.</source>
        <translation>仍会轮询订单并通知验证码。可从托盘菜单退出。</translation>
    </message>
    <message>
        <source>Stop polling and close BloomDesk</source>
        <translation>停止轮询并关闭 BloomDesk</translation>
    </message>
</context>
<context>
    <name>WebhookControl</name>
    <message>
        <source>Not listening.</source>
        <translation>未在监听。</translation>
    </message>
    <message>
        <source>Off.</source>
        <translation>已关闭。</translation>
    </message>
    <message>
        <source>Receiving webhooks at {url}</source>
        <translation>正在 {url} 接收 Webhook</translation>
    </message>
    <message>
        <source>Webhook receiver</source>
        <translation>Webhook 接收器</translation>
    </message>
    <message>
        <source>Webhooks are off: {error}</source>
        <translation>Webhook 已关闭：{error}</translation>
    </message>
</context>
<context>
    <name>_Notice</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>Another SMS</source>
        <translation>再次获取短信</translation>
    </message>
    <message>
        <source>Ask the provider to send another SMS to this number</source>
        <translation>请服务商向此号码再发送一条短信</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the number (refunded where the provider allows)</source>
        <translation>取消号码（服务商允许时退款）</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Finish the order: the code was used</source>
        <translation>完成订单：验证码已使用</translation>
    </message>
    <message>
        <source>Re-rent</source>
        <translation>再次租用</translation>
    </message>
    <message>
        <source>Rent the same number again for another code (a new order, charged again)</source>
        <translation>再次租用同一号码以获取新验证码（新订单，需再次付费）</translation>
    </message>
    <message>
        <source>Settle a purchase whose answer never came: it is marked failed here and nothing is sent to the provider. Check the provider&apos;s site first: if it was bought there, it may be charged.</source>
        <translation>处理一直没有回复的购买：在此标记为失败，不向服务商发送任何请求。请先查看服务商网站：如果那里已购买，可能会被扣费。</translation>
    </message>
</context>
<context>
    <name>blockers</name>
    <message>
        <source>A code arrived: the number was used, so it cannot be refunded.</source>
        <translation>验证码已到达：号码已被使用，无法退款。</translation>
    </message>
    <message>
        <source>Being bought right now: wait for the provider&apos;s answer.</source>
        <translation>正在购买：请等待服务商的回复。</translation>
    </message>
    <message>
        <source>No code has arrived yet.</source>
        <translation>尚未收到验证码。</translation>
    </message>
    <message>
        <source>Only a number that received a code can be rented again.</source>
        <translation>只有收到过验证码的号码才能再次租用。</translation>
    </message>
    <message>
        <source>Only a purchase whose answer never came can be dismissed.</source>
        <translation>只有一直没有回复的购买才能作废。</translation>
    </message>
    <message>
        <source>The order is {state}.</source>
        <translation>订单{state}。</translation>
    </message>
    <message>
        <source>Wait {wait} s before cancelling.</source>
        <translation>请等待 {wait} 秒后再取消。</translation>
    </message>
    <message>
        <source>{title} accepts a cancel {minutes} minutes after purchase: wait {wait} s.</source>
        <translation>{title} 在购买 {minutes} 分钟后才接受取消：请等待 {wait} 秒。</translation>
    </message>
    <message>
        <source>{title} does not offer another SMS.</source>
        <translation>{title} 不支持再次获取短信。</translation>
    </message>
    <message>
        <source>{title} does not offer renting the same number again.</source>
        <translation>{title} 不支持再次租用同一号码。</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source> (not checked)</source>
        <translation>（未验证）</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation> 及另外 {count} 个</translation>
    </message>
    <message>
        <source>, balance {balance}</source>
        <translation>，余额 {balance}</translation>
    </message>
    <message>
        <source>--attempts must be 1 or more</source>
        <translation>--attempts 必须大于等于 1</translation>
    </message>
    <message>
        <source>--max-price {text!r} is not a price above zero</source>
        <translation>--max-price {text!r} 不是大于零的价格</translation>
    </message>
    <message>
        <source>--webhook wants HOST:PORT ({error})</source>
        <translation>--webhook 需要 主机:端口（{error}）</translation>
    </message>
    <message>
        <source>API key: </source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <source>added {label} ({kind}), key from the {source}{checked}</source>
        <translation>已添加 {label}（{kind}），密钥来源：{source}{checked}</translation>
    </message>
    <message>
        <source>an account named {label!r} exists already</source>
        <translation>名为 {label!r} 的账户已存在</translation>
    </message>
    <message>
        <source>could not reach {where}: {error} Nothing was saved; --no-check saves it without asking.</source>
        <translation>无法连接 {where}：{error} 未保存任何内容；使用 --no-check 可不经验证直接保存。</translation>
    </message>
    <message>
        <source>countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>no account knows a country called {wanted!r}</source>
        <translation>没有账户认识名为 {wanted!r} 的国家</translation>
    </message>
    <message>
        <source>no account yet: add one with `bloomdesk-cli accounts add`</source>
        <translation>还没有账户：请用 `bloomdesk-cli accounts add` 添加</translation>
    </message>
    <message>
        <source>no accounts</source>
        <translation>没有账户</translation>
    </message>
    <message>
        <source>no code for order #{order} yet</source>
        <translation>订单 #{order} 还没有验证码</translation>
    </message>
    <message>
        <source>no finished orders yet</source>
        <translation>还没有已结束的订单</translation>
    </message>
    <message>
        <source>no key given: pipe it on stdin or set {variable}</source>
        <translation>未提供密钥：请通过 stdin 传入或设置 {variable}</translation>
    </message>
    <message>
        <source>no offers match</source>
        <translation>没有匹配的报价</translation>
    </message>
    <message>
        <source>no open orders</source>
        <translation>没有未结束的订单</translation>
    </message>
    <message>
        <source>no orders yet</source>
        <translation>还没有订单</translation>
    </message>
    <message>
        <source>no route had a number after {count} attempt(s)</source>
        <translation>尝试 {count} 次后所有线路都没有号码</translation>
    </message>
    <message>
        <source>no system keyring is available to keep {label}&apos;s key: export {variable}=&lt;the key&gt; and run this again (BloomDesk then reads the key from the environment every time); nothing was saved</source>
        <translation>没有可用的系统密钥环来保存 {label} 的密钥：请执行 export {variable}=&lt;密钥&gt; 后重新运行（之后 BloomDesk 每次都会从环境变量读取密钥）；未保存任何内容</translation>
    </message>
    <message>
        <source>no {service} number in stock at {label}</source>
        <translation>{label} 没有 {service} 号码库存</translation>
    </message>
    <message>
        <source>no {service} number in stock at {label} at or below {cap}</source>
        <translation>{label} 没有价格不高于 {cap} 的 {service} 号码库存</translation>
    </message>
    <message>
        <source>no {service} number in stock on any account</source>
        <translation>所有账户都没有 {service} 号码库存</translation>
    </message>
    <message>
        <source>no {service} number in stock on any account at or below {cap}</source>
        <translation>所有账户都没有价格不高于 {cap} 的 {service} 号码库存</translation>
    </message>
    <message>
        <source>no {what} is called {wanted!r} here</source>
        <translation>这里没有名为 {wanted!r} 的{what}</translation>
    </message>
    <message>
        <source>order #{order} ({account}, phone {phone}, provider id {pid}) is not in the journal: {problem} Keep these details.</source>
        <translation>订单 #{order}（{account}，号码 {phone}，服务商 ID {pid}）不在日志中：{problem} 请保存这些信息。</translation>
    </message>
    <message>
        <source>order #{order} ended {state} without a code</source>
        <translation>订单 #{order} 以 {state} 结束，没有验证码</translation>
    </message>
    <message>
        <source>order #{order} is charged unless a code comes or it is cancelled by {by}: a running BloomDesk window cancels it in time, or run `bloomdesk-cli wait {order}`</source>
        <translation>订单 #{order} 若在 {by} 前未收到验证码或未被取消将被扣费：正在运行的 BloomDesk 窗口会及时取消它，或运行 `bloomdesk-cli wait {order}`</translation>
    </message>
    <message>
        <source>receiving webhooks at {where}</source>
        <translation>正在 {where} 接收 Webhook</translation>
    </message>
    <message>
        <source>removed {label}</source>
        <translation>已删除 {label}</translation>
    </message>
    <message>
        <source>say which provider: --kind KIND or --preset NAME</source>
        <translation>请指定服务商：--kind 类型 或 --preset 名称</translation>
    </message>
    <message>
        <source>service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>several accounts exist: choose one with --account</source>
        <translation>存在多个账户：请用 --account 选择一个</translation>
    </message>
    <message>
        <source>the keyring refused {label}&apos;s key, so it is not kept: export {variable}=&lt;the key&gt; before the next command</source>
        <translation>密钥环拒绝保存 {label} 的密钥，因此未保留：请在下一条命令前执行 export {variable}=&lt;密钥&gt;</translation>
    </message>
    <message>
        <source>the provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>{account}: {error} The provider may have charged: BloomDesk keeps order #{order} and checks it with the provider (the next `bloomdesk-cli orders` does), never buying it twice.</source>
        <translation>{account}：{error} 服务商可能已扣费：BloomDesk 保留订单 #{order} 并向服务商核实（下一次 `bloomdesk-cli orders` 会执行），绝不重复购买。</translation>
    </message>
    <message>
        <source>{country} on {account}: {outcome}</source>
        <translation>{account} 的 {country}：{outcome}</translation>
    </message>
    <message>
        <source>{title} speaks {known}, not {kind}</source>
        <translation>{title} 使用 {known} 协议，而不是 {kind}</translation>
    </message>
    <message>
        <source>{wanted!r} matches several {plural}: {shown}{more}; give the code</source>
        <translation>{wanted!r} 匹配多个{plural}：{shown}{more}；请给出代码</translation>
    </message>
    <message>
        <source>{where} refused the key: {error} Nothing was saved.</source>
        <translation>{where} 拒绝了该密钥：{error} 未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>An account name is up to {most} printable characters.</source>
        <translation>账户名称最多 {most} 个可打印字符。</translation>
    </message>
    <message>
        <source>An account needs a name.</source>
        <translation>账户需要一个名称。</translation>
    </message>
    <message>
        <source>Enter the API key first.</source>
        <translation>请先输入 API 密钥。</translation>
    </message>
    <message>
        <source>No API key is known for {label}: enter it in the account settings.</source>
        <translation>{label} 没有 API 密钥：请在账户设置中填写。</translation>
    </message>
    <message>
        <source>No preset is called {name!r}; known: {known}.</source>
        <translation>没有名为 {name!r} 的预设；已知的有：{known}。</translation>
    </message>
    <message>
        <source>No system keyring is available, so API keys are kept for this session only and must be entered again after a restart (or set BLOOMDESK_KEY_&lt;LABEL&gt; in the environment).</source>
        <translation>没有可用的系统密钥环，因此 API 密钥只在本次会话中保留，重启后需重新输入（或在环境变量中设置 BLOOMDESK_KEY_&lt;LABEL&gt;）。</translation>
    </message>
    <message>
        <source>Order {order} changed meanwhile: it is {state} now.</source>
        <translation>订单 {order} 同时已发生变化：现在{state}。</translation>
    </message>
    <message>
        <source>The API key contains characters a key never has (spaces, letters outside ASCII): check it was copied whole.</source>
        <translation>API 密钥中含有密钥不会有的字符（空格、非 ASCII 字母）：请检查是否完整复制。</translation>
    </message>
    <message>
        <source>The address must not carry a key or other parameters (nothing after ?, # or before @): give the API key in its own field.</source>
        <translation>地址中不能包含密钥或其他参数（? 或 # 之后、@ 之前不能有内容）：请在单独的字段中填写 API 密钥。</translation>
    </message>
    <message>
        <source>The address must start with https:// (or http://) and name a host.</source>
        <translation>地址必须以 https://（或 http://）开头并包含主机名。</translation>
    </message>
    <message>
        <source>The provider charged for order #{order} ({phone}), but the journal could not record it: {error} BloomDesk keeps the order and will record it as soon as it can; it can be cancelled or completed as usual.</source>
        <translation>服务商已为订单 #{order}（{phone}）扣费，但日志无法记录：{error} BloomDesk 会保留该订单并尽快记录；仍可照常取消或完成。</translation>
    </message>
    <message>
        <source>There is no account named {label!r}.</source>
        <translation>没有名为 {label!r} 的账户。</translation>
    </message>
    <message>
        <source>There is no order {order}.</source>
        <translation>没有订单 {order}。</translation>
    </message>
    <message>
        <source>Unknown provider kind {kind!r}; known: {known}.</source>
        <translation>未知的服务商类型 {kind!r}；已知的有：{known}。</translation>
    </message>
    <message>
        <source>no phone yet</source>
        <translation>暂无号码</translation>
    </message>
    <message>
        <source>{label} still has {count} open order(s): finish or cancel them first.</source>
        <translation>{label} 仍有 {count} 个未结束的订单：请先完成或取消。</translation>
    </message>
    <message>
        <source>{title} needs its address (the provider&apos;s …/stubs/handler_api.php URL).</source>
        <translation>{title} 需要填写地址（服务商的 …/stubs/handler_api.php 网址）。</translation>
    </message>
</context>
<context>
    <name>format</name>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>已过</translation>
    </message>
    <message>
        <source>{hours} h ago</source>
        <translation>{hours} 小时前</translation>
    </message>
    <message>
        <source>{minutes} min ago</source>
        <translation>{minutes} 分钟前</translation>
    </message>
</context>
<context>
    <name>providers</name>
    <message>
        <source>A list from the provider has an unexpected shape.</source>
        <translation>服务商返回的列表格式异常。</translation>
    </message>
    <message>
        <source>An API key is needed.</source>
        <translation>需要 API 密钥。</translation>
    </message>
    <message>
        <source>Could not connect to the provider ({error}).</source>
        <translation>无法连接到服务商（{error}）。</translation>
    </message>
    <message>
        <source>HTTP failure ({error}).</source>
        <translation>HTTP 错误（{error}）。</translation>
    </message>
    <message>
        <source>No number at or below your maximum price; the cheapest is {floor}.</source>
        <translation>没有不高于您最高价格的号码；最便宜的是 {floor}。</translation>
    </message>
    <message>
        <source>No number is offered at or below your maximum price.</source>
        <translation>没有不高于您最高价格的号码。</translation>
    </message>
    <message>
        <source>No numbers are available for this service and country right now.</source>
        <translation>此服务和国家目前没有可用号码。</translation>
    </message>
    <message>
        <source>The API key contains characters that cannot be sent (only printable ASCII is allowed); check it was copied whole.</source>
        <translation>API 密钥中含有无法发送的字符（只允许可打印的 ASCII 字符）；请检查是否完整复制。</translation>
    </message>
    <message>
        <source>The API key was not accepted. Check it in the account settings.</source>
        <translation>API 密钥未被接受。请在账户设置中检查。</translation>
    </message>
    <message>
        <source>The account is inactive.</source>
        <translation>账户未激活。</translation>
    </message>
    <message>
        <source>The balance is too low for this number.</source>
        <translation>余额不足，无法购买此号码。</translation>
    </message>
    <message>
        <source>The base URL must start with http:// or https://.</source>
        <translation>基础地址必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>The connection to the provider failed mid-request ({error}).</source>
        <translation>与服务商的连接在请求过程中中断（{error}）。</translation>
    </message>
    <message>
        <source>The country list has an unexpected shape.</source>
        <translation>国家列表格式异常。</translation>
    </message>
    <message>
        <source>The limit of active rentals is reached.</source>
        <translation>已达到进行中租用的上限。</translation>
    </message>
    <message>
        <source>The list of active orders has an unexpected shape.</source>
        <translation>进行中订单列表格式异常。</translation>
    </message>
    <message>
        <source>The order has an unexpected shape.</source>
        <translation>订单格式异常。</translation>
    </message>
    <message>
        <source>The order is not in a state that allows this action.</source>
        <translation>订单当前状态不允许此操作。</translation>
    </message>
    <message>
        <source>The price list has an unexpected shape.</source>
        <translation>价格列表格式异常。</translation>
    </message>
    <message>
        <source>The provider did not answer in time.</source>
        <translation>服务商未及时回复。</translation>
    </message>
    <message>
        <source>The provider did not answer within {deadline:g} s.</source>
        <translation>服务商在 {deadline:g} 秒内未回复。</translation>
    </message>
    <message>
        <source>The provider does not know this country.</source>
        <translation>服务商不认识此国家。</translation>
    </message>
    <message>
        <source>The provider does not know this order.</source>
        <translation>服务商不认识此订单。</translation>
    </message>
    <message>
        <source>The provider does not know this service.</source>
        <translation>服务商不认识此服务。</translation>
    </message>
    <message>
        <source>The provider does not offer this action.</source>
        <translation>服务商不支持此操作。</translation>
    </message>
    <message>
        <source>The provider failed with HTTP {status}.</source>
        <translation>服务商出错：HTTP {status}。</translation>
    </message>
    <message>
        <source>The provider has banned this key until {until}.</source>
        <translation>服务商已封禁此密钥至 {until}。</translation>
    </message>
    <message>
        <source>The provider has suspended this account.</source>
        <translation>服务商已暂停此账户。</translation>
    </message>
    <message>
        <source>The provider is down for maintenance.</source>
        <translation>服务商正在维护。</translation>
    </message>
    <message>
        <source>The provider is unreachable or failing right now.</source>
        <translation>服务商当前无法访问或出现故障。</translation>
    </message>
    <message>
        <source>The provider refused the request.</source>
        <translation>服务商拒绝了请求。</translation>
    </message>
    <message>
        <source>The provider refused this action.</source>
        <translation>服务商拒绝了此操作。</translation>
    </message>
    <message>
        <source>The provider rejected a parameter of the request.</source>
        <translation>服务商拒绝了请求中的某个参数。</translation>
    </message>
    <message>
        <source>The provider rejected the request&apos;s {field!r}.</source>
        <translation>服务商拒绝了请求中的 {field!r}。</translation>
    </message>
    <message>
        <source>The provider reported an internal error.</source>
        <translation>服务商报告了内部错误。</translation>
    </message>
    <message>
        <source>The provider sent a number with too many digits.</source>
        <translation>服务商发送的数字位数过多。</translation>
    </message>
    <message>
        <source>The provider sent an answer BloomDesk does not understand.</source>
        <translation>服务商发送了 BloomDesk 无法理解的回复。</translation>
    </message>
    <message>
        <source>The provider sent an answer BloomDesk does not understand. It began: {excerpt!r}</source>
        <translation>服务商发送了 BloomDesk 无法理解的回复。开头为：{excerpt!r}</translation>
    </message>
    <message>
        <source>The provider sent an invalid time: {value!r}</source>
        <translation>服务商发送了无效的时间：{value!r}</translation>
    </message>
    <message>
        <source>The provider sent an invalid {what}: {shown!r}</source>
        <translation>服务商发送了无效的 {what}：{shown!r}</translation>
    </message>
    <message>
        <source>The provider sent an unknown order status: {status!r}</source>
        <translation>服务商发送了未知的订单状态：{status!r}</translation>
    </message>
    <message>
        <source>The provider sent an {what} BloomDesk will not use: {shown!r}</source>
        <translation>服务商发送了 BloomDesk 不会使用的 {what}：{shown!r}</translation>
    </message>
    <message>
        <source>The provider sent no valid {what}.</source>
        <translation>服务商没有发送有效的 {what}。</translation>
    </message>
    <message>
        <source>The provider&apos;s address answered 404 with a web page, not an answer of its API.</source>
        <translation>服务商地址返回了 404 网页，而不是 API 的回复。</translation>
    </message>
    <message>
        <source>The provider&apos;s answer is compressed twice over.</source>
        <translation>服务商的回复被重复压缩。</translation>
    </message>
    <message>
        <source>The provider&apos;s answer lacks the phone number.</source>
        <translation>服务商的回复中缺少电话号码。</translation>
    </message>
    <message>
        <source>The provider&apos;s answer lacks {field!r}.</source>
        <translation>服务商的回复中缺少 {field!r}。</translation>
    </message>
    <message>
        <source>The provider&apos;s answer to a purchase has an unexpected shape.</source>
        <translation>服务商对购买的回复格式异常。</translation>
    </message>
    <message>
        <source>The provider&apos;s answer was too large (over {size} MB); BloomDesk stopped reading it.</source>
        <translation>服务商的回复过大（超过 {size} MB）；BloomDesk 已停止读取。</translation>
    </message>
    <message>
        <source>The provider&apos;s compressed answer is corrupt.</source>
        <translation>服务商的压缩回复已损坏。</translation>
    </message>
    <message>
        <source>The provider&apos;s country list has a row without an id.</source>
        <translation>服务商的国家列表中有一行缺少 ID。</translation>
    </message>
    <message>
        <source>The provider&apos;s list never ended.</source>
        <translation>服务商的列表没有结束。</translation>
    </message>
    <message>
        <source>The provider&apos;s list of operators has an unexpected shape.</source>
        <translation>服务商的运营商列表格式异常。</translation>
    </message>
    <message>
        <source>The provider&apos;s order status has an unexpected shape.</source>
        <translation>服务商的订单状态格式异常。</translation>
    </message>
    <message>
        <source>The provider&apos;s upstream failed.</source>
        <translation>服务商的上游出现故障。</translation>
    </message>
    <message>
        <source>Too early to cancel: the provider allows it a few minutes after purchase.</source>
        <translation>取消太早：服务商要求购买几分钟后才能取消。</translation>
    </message>
    <message>
        <source>Too many requests: the provider asks us to slow down.</source>
        <translation>请求过多：服务商要求降低频率。</translation>
    </message>
    <message>
        <source>Unknown provider kind {kind!r}; known: {known}.</source>
        <translation>未知的服务商类型 {kind!r}；已知的有：{known}。</translation>
    </message>
    <message>
        <source>a choice of mobile operator</source>
        <translation>选择运营商</translation>
    </message>
    <message>
        <source>codes by webhook</source>
        <translation>通过 Webhook 推送验证码</translation>
    </message>
    <message>
        <source>listing active orders</source>
        <translation>列出进行中的订单</translation>
    </message>
    <message>
        <source>listing active orders in one call</source>
        <translation>一次请求列出进行中的订单</translation>
    </message>
    <message>
        <source>renting the same number again</source>
        <translation>再次租用同一号码</translation>
    </message>
    <message>
        <source>requesting another SMS</source>
        <translation>再次获取短信</translation>
    </message>
    <message>
        <source>this action</source>
        <translation>此操作</translation>
    </message>
    <message>
        <source>{title} does not offer {what}.</source>
        <translation>{title} 不支持{what}。</translation>
    </message>
    <message>
        <source>{title} needs the provider&apos;s base URL (its …/stubs/handler_api.php address).</source>
        <translation>{title} 需要服务商的基础地址（其 …/stubs/handler_api.php 地址）。</translation>
    </message>
    <message>
        <source>{value!r} is not an order id BloomDesk can send.</source>
        <translation>{value!r} 不是 BloomDesk 可以发送的订单 ID。</translation>
    </message>
</context>
<context>
    <name>reasons</name>
    <message>
        <source>Another SMS requested.</source>
        <translation>已请求再次发送短信。</translation>
    </message>
    <message>
        <source>Auto-cancelled: no code came before the free-cancel deadline, so nothing was charged.</source>
        <translation>已自动取消：在免费取消期限前没有收到验证码，因此没有扣费。</translation>
    </message>
    <message>
        <source>Bought outside BloomDesk (found at the provider); it is not auto-cancelled unless you turn that on for it.</source>
        <translation>在 BloomDesk 之外购买（在服务商处发现）；除非您为其开启，否则不会自动取消。</translation>
    </message>
    <message>
        <source>Buying…</source>
        <translation>购买中…</translation>
    </message>
    <message>
        <source>Cancelled by you.</source>
        <translation>已由您取消。</translation>
    </message>
    <message>
        <source>Completed.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <source>Dismissed by you.</source>
        <translation>已由您作废。</translation>
    </message>
    <message>
        <source>Ended at expiry.</source>
        <translation>到期结束。</translation>
    </message>
    <message>
        <source>Expired at the provider.</source>
        <translation>已在服务商处过期。</translation>
    </message>
    <message>
        <source>Finished: the number was rented again as a new order.</source>
        <translation>已结束：该号码已作为新订单再次租用。</translation>
    </message>
    <message>
        <source>Recovered after an interrupted buy.</source>
        <translation>购买中断后已恢复。</translation>
    </message>
    <message>
        <source>The answer to the buy never came. BloomDesk is checking with the provider; it will not be bought twice.</source>
        <translation>购买一直没有收到回复。BloomDesk 正在向服务商核实；不会重复购买。</translation>
    </message>
    <message>
        <source>The buy never reached the provider: nothing was charged.</source>
        <translation>购买请求未到达服务商：没有扣费。</translation>
    </message>
    <message>
        <source>The buy&apos;s answer never came and this provider cannot list active orders, so BloomDesk cannot tell whether it was bought. Check the provider&apos;s site, then dismiss it.</source>
        <translation>购买一直没有回复，且该服务商无法列出进行中的订单，因此 BloomDesk 无法确认是否已购买。请查看服务商网站，然后将其作废。</translation>
    </message>
    <message>
        <source>The provider gave this order&apos;s id to a new order.</source>
        <translation>服务商已将此订单的 ID 分配给了新订单。</translation>
    </message>
    <message>
        <source>The provider holds no such order: the buy never went through, nothing was charged.</source>
        <translation>服务商没有此订单：购买未成功，没有扣费。</translation>
    </message>
    <message>
        <source>The provider no longer knows this order (it said so several times).</source>
        <translation>服务商已不再识别此订单（多次如此答复）。</translation>
    </message>
    <message>
        <source>The provider refused the buy: nothing was charged.</source>
        <translation>服务商拒绝了购买：没有扣费。</translation>
    </message>
</context>
<context>
    <name>routes</name>
    <message>
        <source>bought</source>
        <translation>已购买</translation>
    </message>
    <message>
        <source>no funds</source>
        <translation>余额不足</translation>
    </message>
    <message>
        <source>no numbers</source>
        <translation>无号码</translation>
    </message>
</context>
<context>
    <name>spending</name>
    <message>
        <source>Balance after: unknown (the balance has not been read yet)</source>
        <translation>购买后余额：未知（尚未读取余额）</translation>
    </message>
    <message>
        <source>Balance after: {balance}</source>
        <translation>购买后余额：{balance}</translation>
    </message>
    <message>
        <source>Balance now: {balance} (the provider sets the price)</source>
        <translation>当前余额：{balance}（价格由服务商决定）</translation>
    </message>
    <message>
        <source>Pay the price shown</source>
        <translation>支付所示价格</translation>
    </message>
    <message>
        <source>Spend nothing</source>
        <translation>不花费</translation>
    </message>
    <message>
        <source>The balance ({balance}) is below the price: the provider will most likely refuse.</source>
        <translation>余额（{balance}）低于价格：服务商很可能会拒绝。</translation>
    </message>
</context>
<context>
    <name>states</name>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>购买中</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已收到验证码</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>状态未知</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待短信</translation>
    </message>
    <message>
        <source>waiting_retry</source>
        <translation>等待下一条短信</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <source>An account named {label!r} exists already.</source>
        <translation>名为 {label!r} 的账户已存在。</translation>
    </message>
    <message>
        <source>Order {order} changed in another BloomDesk meanwhile.</source>
        <translation>订单 {order} 同时已在另一个 BloomDesk 中被修改。</translation>
    </message>
    <message>
        <source>The disk failed while writing the order journal ({name}).</source>
        <translation>写入订单日志时磁盘出错（{name}）。</translation>
    </message>
    <message>
        <source>The disk is full: the order journal cannot be written.</source>
        <translation>磁盘已满：无法写入订单日志。</translation>
    </message>
    <message>
        <source>The order journal at {path} cannot be opened: {error}.</source>
        <translation>无法打开位于 {path} 的订单日志：{error}。</translation>
    </message>
    <message>
        <source>The order journal at {path} was written by a newer BloomDesk (schema {version}, this version knows {known}). It was left untouched: update BloomDesk to open it.</source>
        <translation>位于 {path} 的订单日志由较新版本的 BloomDesk 写入（结构版本 {version}，当前版本支持 {known}）。日志未做任何改动：请更新 BloomDesk 后再打开。</translation>
    </message>
    <message>
        <source>The order journal cannot be written: check the state folder&apos;s permissions.</source>
        <translation>无法写入订单日志：请检查数据文件夹的权限。</translation>
    </message>
    <message>
        <source>The order journal failed ({error}).</source>
        <translation>订单日志出错（{error}）。</translation>
    </message>
    <message>
        <source>The order journal is busy in another BloomDesk; try again.</source>
        <translation>订单日志正被另一个 BloomDesk 使用；请重试。</translation>
    </message>
    <message>
        <source>The order journal is damaged or is not a BloomDesk journal; it was left untouched.</source>
        <translation>订单日志已损坏或不是 BloomDesk 的日志；未做任何改动。</translation>
    </message>
    <message>
        <source>There is no account named {label!r}.</source>
        <translation>没有名为 {label!r} 的账户。</translation>
    </message>
</context>
<context>
    <name>webhooks</name>
    <message>
        <source>Cannot listen on {host}:{port}: {error}</source>
        <translation>无法在 {host}:{port} 上监听：{error}</translation>
    </message>
    <message>
        <source>Listening on {host}:{port}: {accepted} code(s) received, {refused} request(s) refused.</source>
        <translation>正在 {host}:{port} 上监听：已收到 {accepted} 个验证码，已拒绝 {refused} 个请求。</translation>
    </message>
    <message>
        <source>Not listening.</source>
        <translation>未在监听。</translation>
    </message>
</context>
<context>
    <name>words</name>
    <message>
        <source>{reason} ({note})</source>
        <translation>{reason}（{note}）</translation>
    </message>
</context>
</TS>
