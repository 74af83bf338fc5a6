<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AccountEditor</name>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Название</translation>
    </message>
    <message>
        <source>&amp;Provider</source>
        <translation>&amp;Провайдер</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>П&amp;роверить подключение</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>&amp;Адрес</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>API-&amp;ключ</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Новый аккаунт</translation>
    </message>
    <message>
        <source>An account named {label!r} exists already.</source>
        <translation>Аккаунт с названием {label!r} уже есть.</translation>
    </message>
    <message>
        <source>Ask the provider for the balance with these details, before anything is saved</source>
        <translation>Запросить баланс у провайдера с этими данными, ещё до сохранения</translation>
    </message>
    <message>
        <source>Asking the provider for the balance…</source>
        <translation>Запрашиваем баланс у провайдера…</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Закрыть без сохранения</translation>
    </message>
    <message>
        <source>Connected. Balance: {balance}</source>
        <translation>Подключено. Баланс: {balance}</translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation>Изменить аккаунт</translation>
    </message>
    <message>
        <source>Enter the API key (from the provider&apos;s dashboard).</source>
        <translation>Введите API-ключ (из личного кабинета провайдера).</translation>
    </message>
    <message>
        <source>Failed unexpectedly: {error}</source>
        <translation>Непредвиденная ошибка: {error}</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>Дайте аккаунту название.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>How BloomDesk names this account</source>
        <translation>Как BloomDesk будет называть этот аккаунт</translation>
    </message>
    <message>
        <source>Key not accepted by the provider: check the key typed above. (Its answer: {answer})</source>
        <translation>Провайдер не принял ключ: проверьте ключ, введённый выше. (Ответ: {answer})</translation>
    </message>
    <message>
        <source>Other SMS-Activate compatible (enter the URL)</source>
        <translation>Другой, совместимый с SMS-Activate (укажите URL)</translation>
    </message>
    <message>
        <source>Save the account; its key goes to the system keyring</source>
        <translation>Сохранить аккаунт; ключ попадёт в системное хранилище ключей</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>Показать ключ</translation>
    </message>
    <message>
        <source>Show the key while typing it</source>
        <translation>Показывать ключ при вводе</translation>
    </message>
    <message>
        <source>The API key from the provider&apos;s dashboard; it goes to the system keyring only</source>
        <translation>API-ключ из личного кабинета провайдера; хранится только в системном хранилище ключей</translation>
    </message>
    <message>
        <source>The name keeps the account&apos;s order history together; add a new account to use another name.</source>
        <translation>По названию связана история заказов аккаунта; чтобы сменить название, добавьте новый аккаунт.</translation>
    </message>
    <message>
        <source>The provider&apos;s API address; empty: its default</source>
        <translation>Адрес API провайдера; если пусто — адрес по умолчанию</translation>
    </message>
    <message>
        <source>The service this account belongs to</source>
        <translation>Сервис, к которому относится аккаунт</translation>
    </message>
    <message>
        <source>a name you recognise, e.g. BloomSMS main</source>
        <translation>понятное вам название, например «BloomSMS основной»</translation>
    </message>
    <message>
        <source>another SMS</source>
        <translation>ещё SMS</translation>
    </message>
    <message>
        <source>answers {actions}</source>
        <translation>поддерживает {actions}</translation>
    </message>
    <message>
        <source>batch polling</source>
        <translation>пакетный опрос</translation>
    </message>
    <message>
        <source>cancel and complete only</source>
        <translation>только отмена и завершение</translation>
    </message>
    <message>
        <source>cancels accepted {minutes} min after purchase</source>
        <translation>отмена — через {minutes} мин после покупки</translation>
    </message>
    <message>
        <source>default: {url}</source>
        <translation>по умолчанию: {url}</translation>
    </message>
    <message>
        <source>leave empty to keep the saved key</source>
        <translation>оставьте пустым, чтобы сохранить прежний ключ</translation>
    </message>
    <message>
        <source>re-rent</source>
        <translation>повторная аренда</translation>
    </message>
    <message>
        <source>required: the provider&apos;s handler_api.php URL</source>
        <translation>обязательно: URL handler_api.php провайдера</translation>
    </message>
    <message>
        <source>silent orders are charged after {seconds} s (auto-cancel on)</source>
        <translation>заказы без SMS оплачиваются через {seconds} с (автоотмена включена)</translation>
    </message>
    <message>
        <source>{rate} requests/min</source>
        <translation>{rate} запросов/мин</translation>
    </message>
</context>
<context>
    <name>AccountsControl</name>
    <message>
        <source>The accounts were changed by another BloomDesk</source>
        <translation>Счета изменены другим экземпляром BloomDesk</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Добавить…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Проверить подключение</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Аккаунты</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Добавить аккаунт</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Ask the provider for the balance with the saved key</source>
        <translation>Запросить баланс у провайдера с сохранённым ключом</translation>
    </message>
    <message>
        <source>Asking {label} for its balance…</source>
        <translation>Запрашиваем баланс {label}…</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Баланс</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Закрыть это окно</translation>
    </message>
    <message>
        <source>Edit the selected account</source>
        <translation>Изменить выбранный аккаунт</translation>
    </message>
    <message>
        <source>Every account, where its key is kept and its balance; Enter or a double-click edits the selected one</source>
        <translation>Все аккаунты: где хранится ключ и какой баланс; Enter или двойной щелчок — изменить выбранный</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Ключ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Провайдер</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Удаление аккаунта</translation>
    </message>
    <message>
        <source>Remove the selected account</source>
        <translation>Удалить выбранный аккаунт</translation>
    </message>
    <message>
        <source>Remove {label}? Its key comes from the environment and stays there; its order history stays in the journal.</source>
        <translation>Удалить {label}? Его ключ задан в переменной окружения и останется там; история заказов остаётся в журнале.</translation>
    </message>
    <message>
        <source>Remove {label}? Its key is deleted from the keyring; its order history stays in the journal.</source>
        <translation>Удалить {label}? Ключ будет удалён из хранилища ключей; история заказов останется в журнале.</translation>
    </message>
    <message>
        <source>Remove {label}? Its key, kept for this session only, is forgotten; its order history stays in the journal.</source>
        <translation>Удалить {label}? Его ключ, хранившийся только в этом сеансе, будет забыт; история заказов остаётся в журнале.</translation>
    </message>
    <message>
        <source>Select an account first.</source>
        <translation>Сначала выберите аккаунт.</translation>
    </message>
    <message>
        <source>from the environment</source>
        <translation>из переменной окружения</translation>
    </message>
    <message>
        <source>in the keyring</source>
        <translation>в хранилище ключей</translation>
    </message>
    <message>
        <source>missing: edit to add</source>
        <translation>нет: добавьте через «Изменить»</translation>
    </message>
    <message>
        <source>this session only</source>
        <translation>только на этот сеанс</translation>
    </message>
    <message>
        <source>{label} removed.</source>
        <translation>{label} удалён.</translation>
    </message>
    <message>
        <source>{label} saved. Its key is kept for this session only: no keyring is available.</source>
        <translation>{label} сохранён. Ключ хранится только до конца сеанса: системное хранилище ключей недоступно.</translation>
    </message>
    <message>
        <source>{label} saved; its key is in the system keyring.</source>
        <translation>{label} сохранён; ключ — в системном хранилище ключей.</translation>
    </message>
    <message>
        <source>{label}: connected. Balance: {balance}</source>
        <translation>{label}: подключено. Баланс: {balance}</translation>
    </message>
</context>
<context>
    <name>BalanceBar</name>
    <message>
        <source>Balances</source>
        <translation>Балансы</translation>
    </message>
    <message>
        <source>Below your warning threshold of {amount}</source>
        <translation>Ниже вашего порога предупреждения ({amount})</translation>
    </message>
    <message>
        <source>Not read yet</source>
        <translation>Ещё не получен</translation>
    </message>
    <message>
        <source>Refresh balances and prices (F5)</source>
        <translation>Обновить балансы и цены (F5)</translation>
    </message>
    <message>
        <source>The amount shown is the last one read.</source>
        <translation>Показана последняя полученная сумма.</translation>
    </message>
    <message>
        <source>{amount}, read at {time}</source>
        <translation>{amount}, получено в {time}</translation>
    </message>
    <message>
        <source>⚠ The refresh at {time} failed: {error}</source>
        <translation>⚠ Обновление в {time} не удалось: {error}</translation>
    </message>
    <message>
        <source>⟳ Refresh</source>
        <translation>⟳ Обновить</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Notice</source>
        <translation>Уведомление</translation>
    </message>
</context>
<context>
    <name>Buyer</name>
    <message>
        <source>&amp;Buy</source>
        <translation>&amp;Купить</translation>
    </message>
    <message>
        <source>&amp;Operator</source>
        <translation>&amp;Оператор</translation>
    </message>
    <message>
        <source>. Nothing was bought.</source>
        <translation>. Ничего не куплено.</translation>
    </message>
    <message>
        <source>. Order #{order}: {phone}, waiting for the code</source>
        <translation>. Заказ №{order}: {phone}, ждём код</translation>
    </message>
    <message>
        <source>A purchase is already under way: wait for its answer.</source>
        <translation>Покупка уже идёт: дождитесь ответа.</translation>
    </message>
    <message>
        <source>Any operator</source>
        <translation>Любой оператор</translation>
    </message>
    <message>
        <source>Buy &amp;best</source>
        <translation>Купить &amp;лучшее</translation>
    </message>
    <message>
        <source>Buy a number</source>
        <translation>Покупка номера</translation>
    </message>
    <message>
        <source>Buy a {service} number in {country} from {account} for {price}?</source>
        <translation>Купить номер {service} ({country}) у {account} за {price}?</translation>
    </message>
    <message>
        <source>Buy a {service} number in {country} on {account} for {price}?</source>
        <translation>Купить номер {service} ({country}) на {account} за {price}?</translation>
    </message>
    <message>
        <source>Buy the best route</source>
        <translation>Покупка лучшего варианта</translation>
    </message>
    <message>
        <source>Buying</source>
        <translation>Покупка</translation>
    </message>
    <message>
        <source>Buying the best route</source>
        <translation>Покупка лучшего варианта</translation>
    </message>
    <message>
        <source>Buying {service} in {place} from {account}…</source>
        <translation>Покупаем {service} ({place}) у {account}…</translation>
    </message>
    <message>
        <source>Buying {service} in {place} on the best account…</source>
        <translation>Покупаем {service} ({place}) на лучшем аккаунте…</translation>
    </message>
    <message>
        <source>If it has none, the next of the {more} other account(s) selling it, at most {tries} tries in all, each at its own price. Never two numbers.</source>
        <translation>Если там номеров нет — на следующем из других аккаунтов, где он продаётся ({more}), не больше {tries} попыток, каждая по своей цене. Два номера не будут куплены никогда.</translation>
    </message>
    <message>
        <source>No account has {service} in {place} in stock: nothing bought.</source>
        <translation>Ни на одном аккаунте нет {service} ({place}): ничего не куплено.</translation>
    </message>
    <message>
        <source>Order #{order}: {phone} for {service} — waiting for the code</source>
        <translation>Заказ №{order}: {phone} для {service} — ждём код</translation>
    </message>
    <message>
        <source>Reading the operators</source>
        <translation>Загрузка операторов</translation>
    </message>
    <message>
        <source>The operators could not be read: {error}</source>
        <translation>Не удалось получить список операторов: {error}</translation>
    </message>
    <message>
        <source>Where the provider offers a choice of mobile operator</source>
        <translation>Если провайдер позволяет выбрать оператора связи</translation>
    </message>
    <message>
        <source>{account} has no {service} number in {place} at {price} (now {now}): the price moved or the stock ran out since the prices were read. Nothing was bought; that offer is being read again.</source>
        <translation>У {account} нет номера {service} ({place}) за {price} (сейчас {now}): с момента загрузки цен цена изменилась или номера закончились. Ничего не куплено; это предложение загружается заново.</translation>
    </message>
    <message>
        <source>{account} has no {service} number in {place} at {price}: the price moved or the stock ran out since the prices were read. Nothing was bought; that offer is being read again.</source>
        <translation>У {account} нет номера {service} ({place}) за {price}: с момента загрузки цен цена изменилась или номера закончились. Ничего не куплено; это предложение загружается заново.</translation>
    </message>
    <message>
        <source>{place} on {account}: {outcome}</source>
        <translation>{place} на {account}: {outcome}</translation>
    </message>
    <message>
        <source>{service} in {place} is out of stock at {account}: nothing bought.</source>
        <translation>У {account} нет {service} ({place}) в наличии: ничего не куплено.</translation>
    </message>
</context>
<context>
    <name>CodeActions</name>
    <message>
        <source>Code {code} for {service} ({phone})</source>
        <translation>Код {code} для {service} ({phone})</translation>
    </message>
    <message>
        <source>Copied phone {number}</source>
        <translation>Номер {number} скопирован</translation>
    </message>
    <message>
        <source>Copied {code}</source>
        <translation>{code} скопирован</translation>
    </message>
    <message>
        <source>Copied {code} — cleared in {seconds} s</source>
        <translation>{code} скопирован — очистка через {seconds} с</translation>
    </message>
    <message>
        <source>No code to copy.</source>
        <translation>Нет кода для копирования.</translation>
    </message>
    <message>
        <source>Select an order with a number first.</source>
        <translation>Сначала выберите заказ с номером.</translation>
    </message>
</context>
<context>
    <name>CodeNotice</name>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy this code (the clipboard keeps it secret)</source>
        <translation>Скопировать этот код (буфер обмена сохранит его в секрете)</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>Новый код</translation>
    </message>
</context>
<context>
    <name>CodesPane</name>
    <message>
        <source>Click or Ctrl+C copies a code; Ctrl+Shift+C the newest; Ctrl+1…9 the n-th</source>
        <translation>Щелчок или Ctrl+C копирует код; Ctrl+Shift+C — последний; Ctrl+1…9 — n-й</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Коды</translation>
    </message>
    <message>
        <source>Codes appear here the moment they arrive.</source>
        <translation>Коды появятся здесь сразу, как придут.</translation>
    </message>
    <message>
        <source>{service} · {phone} · order #{order}</source>
        <translation>{service} · {phone} · заказ №{order}</translation>
    </message>
    <message>
        <source>☎ by voice call</source>
        <translation>☎ голосовым звонком</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Аккаунт</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Куплен</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Сервис</translation>
    </message>
    <message>
        <source>What the number cost; a refunded one says so</source>
        <translation>Сколько стоил номер; возвращённые помечены</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <source>code received</source>
        <translation>код получен</translation>
    </message>
    <message>
        <source>completed, no code</source>
        <translation>завершён без кода</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>истёк</translation>
    </message>
    <message>
        <source>failed, not bought</source>
        <translation>ошибка, не куплен</translation>
    </message>
    <message>
        <source>{price}, refunded</source>
        <translation>{price}, возвращено</translation>
    </message>
</context>
<context>
    <name>HistoryChart</name>
    <message>
        <source>(only {currency} is charted)</source>
        <translation>(на графике только {currency})</translation>
    </message>
    <message>
        <source>No money spent in this selection</source>
        <translation>В этой выборке ничего не потрачено</translation>
    </message>
    <message>
        <source>No number bought in this selection</source>
        <translation>В этой выборке номеров не куплено</translation>
    </message>
    <message>
        <source>Numbers that got a code, per service</source>
        <translation>Номера, получившие код, по сервисам</translation>
    </message>
    <message>
        <source>Spent per day, by account</source>
        <translation>Расходы по дням и аккаунтам</translation>
    </message>
    <message>
        <source>Spent per {days} days, by account</source>
        <translation>Расходы за каждые {days} дн. по аккаунтам</translation>
    </message>
    <message>
        <source>and {count} more services</source>
        <translation>и ещё сервисов: {count}</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>возвращено</translation>
    </message>
    <message>
        <source>{account}: {spent}</source>
        <translation>{account}: {spent}</translation>
    </message>
    <message>
        <source>{account}: {spent} ({refunded} refunded)</source>
        <translation>{account}: {spent} (возвращено {refunded})</translation>
    </message>
    <message>
        <source>{rate}% · {got} of {orders}</source>
        <translation>{rate}% · {got} из {orders}</translation>
    </message>
    <message>
        <source>{service}: {got} of {orders} numbers bought got a code</source>
        <translation>{service}: код пришёл на {got} из {orders} купленных номеров</translation>
    </message>
    <message>
        <source>{when}: nothing spent</source>
        <translation>{when}: ничего не потрачено</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Аккаунт:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;С:</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Итог:</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>С&amp;ервис:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;По:</translation>
    </message>
    <message>
        <source>(the newest {limit} orders only)</source>
        <translation>(только последние {limit} заказов)</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Все аккаунты</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Все даты</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Все сервисы</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Любой итог</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Close the history</source>
        <translation>Закрыть историю</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>Не удалось записать {path}: {reason}</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <source>Export the history as CSV</source>
        <translation>Выгрузить историю в CSV</translation>
    </message>
    <message>
        <source>Finished orders</source>
        <translation>Завершённые заказы</translation>
    </message>
    <message>
        <source>From the first order to today</source>
        <translation>С первого заказа до сегодня</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>No finished order matches these filters.</source>
        <translation>Нет завершённых заказов, подходящих под эти фильтры.</translation>
    </message>
    <message>
        <source>No finished orders yet: a number you buy shows here once it ends.</source>
        <translation>Завершённых заказов пока нет: купленный номер появится здесь, когда заказ закончится.</translation>
    </message>
    <message>
        <source>Only the orders that ended so</source>
        <translation>Только заказы с таким итогом</translation>
    </message>
    <message>
        <source>Only this account&apos;s orders</source>
        <translation>Только заказы этого аккаунта</translation>
    </message>
    <message>
        <source>Only this service&apos;s orders</source>
        <translation>Только заказы этого сервиса</translation>
    </message>
    <message>
        <source>Orders: {orders} · with a code: {code} ({share}%) · spent: {spent} · refunded: {refunded} · net: {net}</source>
        <translation>Заказов: {orders} · с кодом: {code} ({share}%) · потрачено: {spent} · возвращено: {refunded} · итого: {net}</translation>
    </message>
    <message>
        <source>The first day shown</source>
        <translation>Первый показываемый день</translation>
    </message>
    <message>
        <source>The last day shown</source>
        <translation>Последний показываемый день</translation>
    </message>
    <message>
        <source>The orders the filters let through</source>
        <translation>Заказы, прошедшие через фильтры</translation>
    </message>
    <message>
        <source>Write the orders shown to a CSV file</source>
        <translation>Записать показанные заказы в файл CSV</translation>
    </message>
    <message>
        <source>{count} orders written to {path}</source>
        <translation>Заказов записано в {path}: {count}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Аккаунты…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Find offer</source>
        <translation>&amp;Найти предложение</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Refresh balances and prices</source>
        <translation>&amp;Обновить балансы и цены</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>Accounts shown</source>
        <translation>Показываемые аккаунты</translation>
    </message>
    <message>
        <source>Active orders</source>
        <translation>Активные заказы</translation>
    </message>
    <message>
        <source>BloomDesk cannot start</source>
        <translation>BloomDesk не может запуститься</translation>
    </message>
    <message>
        <source>BloomDesk — demo (simulated providers)</source>
        <translation>BloomDesk — демо (имитация провайдеров)</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Коды</translation>
    </message>
    <message>
        <source>Copy &amp;newest code</source>
        <translation>Копировать &amp;последний код</translation>
    </message>
    <message>
        <source>Copy &amp;selected code</source>
        <translation>Копировать &amp;выбранный код</translation>
    </message>
    <message>
        <source>Copy code {n}</source>
        <translation>Копировать код {n}</translation>
    </message>
    <message>
        <source>Copy new codes &amp;automatically</source>
        <translation>Копировать новые коды &amp;автоматически</translation>
    </message>
    <message>
        <source>Copy the order&apos;s &amp;phone number</source>
        <translation>Копировать &amp;телефон заказа</translation>
    </message>
    <message>
        <source>Filter offers</source>
        <translation>Фильтр предложений</translation>
    </message>
    <message>
        <source>Hi&amp;story…</source>
        <translation>&amp;История…</translation>
    </message>
    <message>
        <source>Offers: Enter buys the selected one, Shift+Enter the best route, F pins it as a favourite</source>
        <translation>Предложения: Enter покупает выбранное, Shift+Enter — лучший вариант, F добавляет в избранное</translation>
    </message>
    <message>
        <source>One account&apos;s offers, every account&apos;s, or the best offer of each route</source>
        <translation>Предложения одного аккаунта, всех аккаунтов или лучшее по каждому направлению</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Цены</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Received codes, newest first: Enter or Ctrl+C copies the selected one</source>
        <translation>Полученные коды, новые сверху: Enter или Ctrl+C копирует выбранный</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Настройки сохранены</translation>
    </message>
    <message>
        <source>Starting the demo&apos;s simulated providers…</source>
        <translation>Запускаем имитацию провайдеров для демо…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <source>Type part of a service or a country; Down or Enter goes to the offers</source>
        <translation>Введите часть названия сервиса или страны; стрелка вниз или Enter — к предложениям</translation>
    </message>
    <message>
        <source>Your live orders with their countdowns; Tab reaches their actions, Ctrl+Shift+P copies the phone number</source>
        <translation>Ваши текущие заказы с таймерами; Tab — к действиям, Ctrl+Shift+P копирует номер</translation>
    </message>
</context>
<context>
    <name>OffersModel</name>
    <message>
        <source>Account</source>
        <translation>Аккаунт</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Favourites stay on top (toggle with F or a click on the star)</source>
        <translation>Избранное всегда сверху (F или щелчок по звёздочке)</translation>
    </message>
    <message>
        <source>Median code time</source>
        <translation>Медиана до кода</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Сервис</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Наличие</translation>
    </message>
    <message>
        <source>Your success</source>
        <translation>Ваш успех</translation>
    </message>
    <message>
        <source>out of stock</source>
        <translation>нет в наличии</translation>
    </message>
    <message>
        <source>{account}: {price} ({stock} in stock)</source>
        <translation>{account}: {price} (в наличии {stock})</translation>
    </message>
    <message>
        <source>{country} — id {id} at {account}</source>
        <translation>{country} — id {id} у {account}</translation>
    </message>
    <message>
        <source>{got} of your {orders} orders here got a code</source>
        <translation>код пришёл на {got} из {orders} ваших заказов здесь</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} мин</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} с</translation>
    </message>
    <message>
        <source>{service} in {place}, in stock on:</source>
        <translation>{service} ({place}) есть в наличии на:</translation>
    </message>
    <message>
        <source>{share}% of {orders}</source>
        <translation>{share}% из {orders}</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <source>Another SMS</source>
        <translation>Запрос ещё SMS</translation>
    </message>
    <message>
        <source>Asking the provider for another SMS…</source>
        <translation>Запрашиваем у провайдера ещё SMS…</translation>
    </message>
    <message>
        <source>Asking the provider to cancel…</source>
        <translation>Просим провайдера отменить…</translation>
    </message>
    <message>
        <source>Auto-cancel is already off for this order: silence past the deadline will be charged.</source>
        <translation>Автоотмена для этого заказа уже выключена: если SMS не придёт до срока, заказ будет оплачен.</translation>
    </message>
    <message>
        <source>Auto-cancel is not needed at {title}: it charges nothing for silence and refunds a cancelled order.</source>
        <translation>Автоотмена на {title} не нужна: заказ без SMS не оплачивается, а за отменённый деньги возвращаются.</translation>
    </message>
    <message>
        <source>Auto-cancel is not needed at {title}: it charges nothing for silence.</source>
        <translation>Автоотмена на {title} не нужна: заказ без SMS не оплачивается.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Завершение</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Закрытие</translation>
    </message>
    <message>
        <source>Keep past deadline</source>
        <translation>Отключение автоотмены</translation>
    </message>
    <message>
        <source>Only a silent order is auto-cancelled; this one has its code.</source>
        <translation>Автоматически отменяется только заказ без SMS, а у этого код уже есть.</translation>
    </message>
    <message>
        <source>Order #{order} ({phone}) cancelled.</source>
        <translation>Заказ №{order} ({phone}) отменён.</translation>
    </message>
    <message>
        <source>Order #{order} ({phone}) cancelled; {price} goes back to {account}.</source>
        <translation>Заказ №{order} ({phone}) отменён; {price} вернётся на {account}.</translation>
    </message>
    <message>
        <source>Order #{order} ({phone}) completed.</source>
        <translation>Заказ №{order} ({phone}) завершён.</translation>
    </message>
    <message>
        <source>Order #{order} ({phone}) left the list: {why}</source>
        <translation>Заказ №{order} ({phone}) убран из списка: {why}</translation>
    </message>
    <message>
        <source>Order #{order} ({phone}): another SMS asked for; its code will show here.</source>
        <translation>Заказ №{order} ({phone}): запрошено ещё SMS; код появится здесь.</translation>
    </message>
    <message>
        <source>Order #{order} dismissed: marked failed here; nothing was sent to the provider.</source>
        <translation>Заказ №{order} закрыт: отмечен здесь как неудачный; провайдеру ничего не отправлено.</translation>
    </message>
    <message>
        <source>Order #{order} will not be auto-cancelled: if it stays silent past its free-cancel deadline, it will be charged.</source>
        <translation>Заказ №{order} не будет отменён автоматически: если SMS не придёт до конца бесплатной отмены, он будет оплачен.</translation>
    </message>
    <message>
        <source>Re-rent</source>
        <translation>Повторная аренда</translation>
    </message>
    <message>
        <source>Rent again</source>
        <translation>Арендовать снова</translation>
    </message>
    <message>
        <source>Rent the number again</source>
        <translation>Повторная аренда номера</translation>
    </message>
    <message>
        <source>Rent {phone} again for {service} from {account} for {price}, the price of this order?</source>
        <translation>Снова арендовать {phone} для {service} у {account} за {price}, по цене этого заказа?</translation>
    </message>
    <message>
        <source>Renting the number again…</source>
        <translation>Арендуем номер снова…</translation>
    </message>
    <message>
        <source>Telling the provider the code was used…</source>
        <translation>Сообщаем провайдеру, что код использован…</translation>
    </message>
    <message>
        <source>Waiting for the provider&apos;s answer to your last action on this order.</source>
        <translation>Ждём ответа провайдера на ваше последнее действие с этим заказом.</translation>
    </message>
    <message>
        <source>asking for another SMS…</source>
        <translation>запрос ещё SMS…</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>отмена…</translation>
    </message>
    <message>
        <source>completing…</source>
        <translation>завершение…</translation>
    </message>
    <message>
        <source>renting again…</source>
        <translation>повторная аренда…</translation>
    </message>
    <message>
        <source>{action} failed: {message}</source>
        <translation>{action} — сбой: {message}</translation>
    </message>
    <message>
        <source>{action} not sent: {message}</source>
        <translation>{action} — не отправлено: {message}</translation>
    </message>
    <message>
        <source>{action} of order #{order} failed: {message}</source>
        <translation>{action} заказа №{order} — сбой: {message}</translation>
    </message>
    <message>
        <source>{action} of order #{order} not sent: {message}</source>
        <translation>{action} заказа №{order} — не отправлено: {message}</translation>
    </message>
    <message>
        <source>{action} of order #{order} refused by {account}: {message}</source>
        <translation>{action} заказа №{order} — отказ {account}: {message}</translation>
    </message>
    <message>
        <source>{action} refused by {account}: {message}</source>
        <translation>{action} — отказ {account}: {message}</translation>
    </message>
    <message>
        <source>{lower} failed</source>
        <translation>{lower} — сбой</translation>
    </message>
    <message>
        <source>{lower} not sent</source>
        <translation>{lower} — не отправлено</translation>
    </message>
    <message>
        <source>{lower} refused</source>
        <translation>{lower} — отказ</translation>
    </message>
    <message>
        <source>{phone} rented again as order #{order} for {price}.</source>
        <translation>{phone} снова арендован: заказ №{order} за {price}.</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Аккаунт</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Истекает</translation>
    </message>
    <message>
        <source>Free cancel</source>
        <translation>Бесплатная отмена</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Сервис</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Time left to cancel a silent order for free</source>
        <translation>Сколько осталось, чтобы бесплатно отменить заказ без SMS</translation>
    </message>
    <message>
        <source>Time until the provider ends the order</source>
        <translation>Сколько осталось до завершения заказа провайдером</translation>
    </message>
    <message>
        <source>buying…</source>
        <translation>покупка…</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <source>code received</source>
        <translation>код получен</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>завершён</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>истёк</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>unknown — checking</source>
        <translation>неизвестно — проверяем</translation>
    </message>
    <message>
        <source>waiting for SMS</source>
        <translation>ждём SMS</translation>
    </message>
    <message>
        <source>waiting for next SMS</source>
        <translation>ждём следующее SMS</translation>
    </message>
    <message>
        <source>{countdown} (auto-cancel off)</source>
        <translation>{countdown} (без автоотмены)</translation>
    </message>
</context>
<context>
    <name>OrdersPanel</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>&amp;Keep past deadline</source>
        <translation>&amp;Не отменять</translation>
    </message>
    <message>
        <source>&amp;Re-rent</source>
        <translation>&amp;Арендовать снова</translation>
    </message>
    <message>
        <source>Active orders</source>
        <translation>Активные заказы</translation>
    </message>
    <message>
        <source>Another &amp;SMS</source>
        <translation>Получить &amp;ещё SMS</translation>
    </message>
    <message>
        <source>Ask the provider to send another SMS to this number</source>
        <translation>Попросить провайдера прислать на этот номер ещё одно SMS</translation>
    </message>
    <message>
        <source>C&amp;omplete</source>
        <translation>Заверши&amp;ть</translation>
    </message>
    <message>
        <source>Cancel the number (refunded where the provider allows)</source>
        <translation>Отменить номер (с возвратом денег, если провайдер это допускает)</translation>
    </message>
    <message>
        <source>Finish the order: the code was used</source>
        <translation>Завершить заказ: код использован</translation>
    </message>
    <message>
        <source>No active orders. Pick an offer above and press Enter to buy.</source>
        <translation>Активных заказов нет. Выберите предложение выше и нажмите Enter, чтобы купить.</translation>
    </message>
    <message>
        <source>Rent the same number again for another code (asks first: it costs money)</source>
        <translation>Снова арендовать тот же номер для нового кода (с подтверждением: это платно)</translation>
    </message>
    <message>
        <source>Select an order first.</source>
        <translation>Сначала выберите заказ.</translation>
    </message>
    <message>
        <source>Settle an order whose purchase never answered: it is marked failed here and nothing is sent to the provider. Use it only after checking on the provider&apos;s site that no number was bought.</source>
        <translation>Закрыть заказ, на покупку которого не пришёл ответ: он будет отмечен здесь как неудачный, провайдеру ничего не отправится. Используйте, только убедившись на сайте провайдера, что номер не куплен.</translation>
    </message>
    <message>
        <source>Turn auto-cancel off for this order: silence past the free-cancel deadline will then be charged</source>
        <translation>Выключить автоотмену для этого заказа: если SMS не придёт до конца бесплатной отмены, заказ будет оплачен</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Gentle: half as often</source>
        <translation>Бережно: вдвое реже</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Обычно</translation>
    </message>
    <message>
        <source>Quick: twice as often</source>
        <translation>Быстро: вдвое чаще</translation>
    </message>
</context>
<context>
    <name>PriceController</name>
    <message>
        <source>No accounts yet: add one with File → Accounts… (Ctrl+Shift+A). To look around first, start bloomdesk --demo.</source>
        <translation>Аккаунтов пока нет: добавьте через Файл → Аккаунты… (Ctrl+Shift+A). Чтобы сначала осмотреться, запустите bloomdesk --demo.</translation>
    </message>
    <message>
        <source>No accounts: no prices to show.</source>
        <translation>Нет аккаунтов — нет и цен.</translation>
    </message>
    <message>
        <source>Prices of {account} read ({count} offers)</source>
        <translation>Цены {account} загружены (предложений: {count})</translation>
    </message>
    <message>
        <source>Refreshing balances</source>
        <translation>Обновление балансов</translation>
    </message>
    <message>
        <source>Refreshing balances…</source>
        <translation>Обновляем балансы…</translation>
    </message>
</context>
<context>
    <name>PricePanel</name>
    <message>
        <source>&amp;Hide out of stock</source>
        <translation>&amp;Скрыть отсутствующие</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Все аккаунты</translation>
    </message>
    <message>
        <source>All {total} offers are out of stock.</source>
        <translation>Все предложения ({total}) закончились.</translation>
    </message>
    <message>
        <source>Best of all accounts</source>
        <translation>Лучшее по всем аккаунтам</translation>
    </message>
    <message>
        <source>Buy &amp;best</source>
        <translation>Купить &amp;лучшее</translation>
    </message>
    <message>
        <source>Buy (Enter)</source>
        <translation>Купить (Enter)</translation>
    </message>
    <message>
        <source>Buy the selected offer, after a question with its price and your balance after</source>
        <translation>Купить выбранное предложение — после вопроса с ценой и балансом после покупки</translation>
    </message>
    <message>
        <source>Buy this service in this country on the account that sells it cheapest, the next one if that has no numbers (Shift+Enter)</source>
        <translation>Купить этот сервис в этой стране на аккаунте, где он дешевле всего, а если там нет номеров — на следующем (Shift+Enter)</translation>
    </message>
    <message>
        <source>Buying…</source>
        <translation>Покупаем…</translation>
    </message>
    <message>
        <source>Filter services and countries (Ctrl+F)…</source>
        <translation>Фильтр по сервисам и странам (Ctrl+F)…</translation>
    </message>
    <message>
        <source>Loading prices of {accounts}…</source>
        <translation>Загружаем цены {accounts}…</translation>
    </message>
    <message>
        <source>Loading prices…</source>
        <translation>Загружаем цены…</translation>
    </message>
    <message>
        <source>No offer is selected: pick one with the arrow keys or a click, then press Enter.</source>
        <translation>Предложение не выбрано: выберите его стрелками или щелчком и нажмите Enter.</translation>
    </message>
    <message>
        <source>No offers match “{text}” (of {total}).</source>
        <translation>Нет предложений по запросу «{text}» (из {total}).</translation>
    </message>
    <message>
        <source>No offers match “{text}”: nothing to buy.</source>
        <translation>Нет предложений по запросу «{text}»: покупать нечего.</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Цены</translation>
    </message>
    <message>
        <source>Show only the offers with numbers in stock</source>
        <translation>Показывать только предложения, где есть номера</translation>
    </message>
    <message>
        <source>There are no prices to buy from yet.</source>
        <translation>Цен пока нет — покупать не из чего.</translation>
    </message>
    <message>
        <source>could not load the prices of {account}: {error} (F5 tries again)</source>
        <translation>не удалось загрузить цены {account}: {error} (F5 — ещё раз)</translation>
    </message>
    <message>
        <source>prices from {age}</source>
        <translation>цены получены {age}</translation>
    </message>
    <message>
        <source>refresh failed of {account}: {error} (F5 tries again)</source>
        <translation>не удалось обновить {account}: {error} (F5 — ещё раз)</translation>
    </message>
    <message>
        <source>refresh failed: {error} (F5 tries again)</source>
        <translation>обновить не удалось: {error} (F5 — ещё раз)</translation>
    </message>
    <message>
        <source>refreshing…</source>
        <translation>обновляем…</translation>
    </message>
    <message>
        <source>{service} in {place} is hidden by the filter: nothing bought. Pick a shown offer, then press Enter.</source>
        <translation>{service} ({place}) скрыт фильтром: ничего не куплено. Выберите видимое предложение и нажмите Enter.</translation>
    </message>
    <message>
        <source>{shown} of {total} offers</source>
        <translation>{shown} из {total} предложений</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>&amp;Polling</source>
        <translation>&amp;Опрос</translation>
    </message>
    <message>
        <source>&amp;Receive sms.received events</source>
        <translation>П&amp;ринимать события sms.received</translation>
    </message>
    <message>
        <source>&amp;URL</source>
        <translation>&amp;Адрес URL</translation>
    </message>
    <message>
        <source>&amp;Warn when a balance is under</source>
        <translation>&amp;Предупреждать, если баланс ниже</translation>
    </message>
    <message>
        <source>127.0.0.1 with a tunnel or port forward; 0.0.0.0 listens on every interface.</source>
        <translation>127.0.0.1 — через туннель или проброс порта; 0.0.0.0 — на всех интерфейсах.</translation>
    </message>
    <message>
        <source>A balance under this shows red.</source>
        <translation>Баланс ниже этой суммы показывается красным.</translation>
    </message>
    <message>
        <source>A copied code is cleared from the clipboard after this long, and on quit, if the clipboard still holds it.</source>
        <translation>Скопированный код стирается из буфера обмена через это время и при выходе, если он всё ещё там.</translation>
    </message>
    <message>
        <source>A desktop notification (or a notice in the window) with the code; a click copies it</source>
        <translation>Уведомление на рабочем столе (или в окне) с кодом; щелчок копирует его</translation>
    </message>
    <message>
        <source>Also in the Edit menu</source>
        <translation>Также в меню «Правка»</translation>
    </message>
    <message>
        <source>Applies at the next start.</source>
        <translation>Вступит в силу при следующем запуске.</translation>
    </message>
    <message>
        <source>As the system ({language})</source>
        <translation>Как в системе ({language})</translation>
    </message>
    <message>
        <source>At providers that charge for a number that got no SMS: cancelled while it is still free</source>
        <translation>У провайдеров, которые берут плату за номер без SMS: отмена, пока это ещё бесплатно</translation>
    </message>
    <message>
        <source>Auto-cancel</source>
        <translation>Автоотмена</translation>
    </message>
    <message>
        <source>BloomSMS then pushes each code the moment it arrives</source>
        <translation>Тогда BloomSMS присылает каждый код в момент его прихода</translation>
    </message>
    <message>
        <source>BloomSMS webhook (codes pushed the instant they arrive)</source>
        <translation>Вебхук BloomSMS (коды приходят мгновенно)</translation>
    </message>
    <message>
        <source>C&amp;lear copied codes after</source>
        <translation>О&amp;чищать скопированные коды через</translation>
    </message>
    <message>
        <source>Cancel silent orders 20 s before their free-cancel deadline, where silence costs money</source>
        <translation>Отменять заказы без SMS за 20 с до конца бесплатной отмены, если ожидание платное</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Закрыть без сохранения</translation>
    </message>
    <message>
        <source>Copy each new code to the clipboard as it arrives</source>
        <translation>Копировать каждый новый код в буфер обмена сразу по приходу</translation>
    </message>
    <message>
        <source>Copy the URL</source>
        <translation>Скопировать URL</translation>
    </message>
    <message>
        <source>How often active orders are checked. Every account stays within its provider&apos;s rate limit whatever you choose.</source>
        <translation>Как часто проверять активные заказы. Лимиты запросов провайдера соблюдаются при любом выборе.</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation>Работать в трее после закрытия окна</translation>
    </message>
    <message>
        <source>L&amp;anguage</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>Listen o&amp;n</source>
        <translation>&amp;Слушать на</translation>
    </message>
    <message>
        <source>Make a new secret path; the old URL stops working.</source>
        <translation>Создать новый секретный путь; старый URL перестанет работать.</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Никогда</translation>
    </message>
    <message>
        <source>New s&amp;ecret</source>
        <translation>Новый с&amp;екрет</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Уведомления</translation>
    </message>
    <message>
        <source>Notify me when a code arrives</source>
        <translation>Сообщать о приходе кода</translation>
    </message>
    <message>
        <source>Orders and codes</source>
        <translation>Заказы и коды</translation>
    </message>
    <message>
        <source>Orders are still polled and codes notified; quit from the tray menu</source>
        <translation>Заказы по-прежнему проверяются, о кодах приходят уведомления; выход — из меню в трее</translation>
    </message>
    <message>
        <source>Paste this URL into the BloomSMS dashboard, reached through your tunnel or port forward (replace the host with your public address). Polling continues, slower, as a safety net.</source>
        <translation>Вставьте этот URL в личный кабинет BloomSMS, доступный через ваш туннель или проброс порта (замените хост своим публичным адресом). Опрос продолжится реже — для подстраховки.</translation>
    </message>
    <message>
        <source>Save these settings</source>
        <translation>Сохранить эти настройки</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>The address to paste into the BloomSMS dashboard (its path is a secret).</source>
        <translation>Адрес для личного кабинета BloomSMS (его путь — секрет).</translation>
    </message>
    <message>
        <source>The language of the window. It changes at the next start of BloomDesk.</source>
        <translation>Язык окна. Сменится при следующем запуске BloomDesk.</translation>
    </message>
    <message>
        <source>The port the receiver listens on.</source>
        <translation>Порт, на котором принимаются вебхуки.</translation>
    </message>
    <message>
        <source>This desktop has no system tray: closing the window quits BloomDesk.</source>
        <translation>В этой среде нет системного трея: закрытие окна завершает BloomDesk.</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Окно</translation>
    </message>
    <message>
        <source>p&amp;ort</source>
        <translation>пор&amp;т</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Failed unexpectedly ({error}); the log has the details.</source>
        <translation>Непредвиденная ошибка ({error}); подробности в журнале.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>&amp;Copy newest code</source>
        <translation>&amp;Копировать последний код</translation>
    </message>
    <message>
        <source>&amp;Quit BloomDesk</source>
        <translation>&amp;Выйти из BloomDesk</translation>
    </message>
    <message>
        <source>&amp;Show BloomDesk</source>
        <translation>&amp;Показать BloomDesk</translation>
    </message>
    <message>
        <source>BloomDesk is still running</source>
        <translation>BloomDesk продолжает работать</translation>
    </message>
    <message>
        <source>BloomDesk tray menu</source>
        <translation>Меню BloomDesk в трее</translation>
    </message>
    <message>
        <source>BloomDesk: 1 active order</source>
        <translation>BloomDesk: активных заказов: 1</translation>
    </message>
    <message>
        <source>BloomDesk: no active orders</source>
        <translation>BloomDesk: активных заказов нет</translation>
    </message>
    <message>
        <source>BloomDesk: {count} active orders</source>
        <translation>BloomDesk: активных заказов: {count}</translation>
    </message>
    <message>
        <source>Bring the window to the front</source>
        <translation>Показать окно поверх остальных</translation>
    </message>
    <message>
        <source>Click to copy it.</source>
        <translation>Щёлкните, чтобы скопировать.</translation>
    </message>
    <message>
        <source>Code {code}</source>
        <translation>Код {code}</translation>
    </message>
    <message>
        <source>Copy the code that arrived last</source>
        <translation>Скопировать код, пришедший последним</translation>
    </message>
    <message>
        <source>Orders are still polled and codes still notified. Quit from the tray menu.</source>
        <translation>Заказы по-прежнему проверяются, о кодах придут уведомления. Выйти можно из меню в трее.</translation>
    </message>
    <message>
        <source>Stop polling and close BloomDesk</source>
        <translation>Остановить опрос и закрыть BloomDesk</translation>
    </message>
</context>
<context>
    <name>WebhookControl</name>
    <message>
        <source>Not listening.</source>
        <translation>Не принимает.</translation>
    </message>
    <message>
        <source>Off.</source>
        <translation>Выключено.</translation>
    </message>
    <message>
        <source>Receiving webhooks at {url}</source>
        <translation>Вебхуки принимаются на {url}</translation>
    </message>
    <message>
        <source>Webhook receiver</source>
        <translation>Приём вебхуков</translation>
    </message>
    <message>
        <source>Webhooks are off: {error}</source>
        <translation>Вебхуки выключены: {error}</translation>
    </message>
</context>
<context>
    <name>_Notice</name>
    <message>
        <source>Dismiss</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>Another SMS</source>
        <translation>Ещё SMS</translation>
    </message>
    <message>
        <source>Ask the provider to send another SMS to this number</source>
        <translation>Попросить провайдера прислать на этот номер ещё одно SMS</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Cancel the number (refunded where the provider allows)</source>
        <translation>Отменить номер (с возвратом денег, если провайдер это допускает)</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Finish the order: the code was used</source>
        <translation>Завершить заказ: код использован</translation>
    </message>
    <message>
        <source>Re-rent</source>
        <translation>Арендовать снова</translation>
    </message>
    <message>
        <source>Rent the same number again for another code (a new order, charged again)</source>
        <translation>Снова арендовать тот же номер для нового кода (новый заказ, оплачивается снова)</translation>
    </message>
    <message>
        <source>Settle a purchase whose answer never came: it is marked failed here and nothing is sent to the provider. Check the provider&apos;s site first: if it was bought there, it may be charged.</source>
        <translation>Закрыть покупку, на которую не пришёл ответ: она будет отмечена здесь как неудачная, провайдеру ничего не отправится. Сначала проверьте сайт провайдера: если номер там куплен, его могут списать.</translation>
    </message>
</context>
<context>
    <name>blockers</name>
    <message>
        <source>A code arrived: the number was used, so it cannot be refunded.</source>
        <translation>Код пришёл: номер использован, вернуть деньги нельзя.</translation>
    </message>
    <message>
        <source>Being bought right now: wait for the provider&apos;s answer.</source>
        <translation>Идёт покупка: дождитесь ответа провайдера.</translation>
    </message>
    <message>
        <source>No code has arrived yet.</source>
        <translation>Код ещё не пришёл.</translation>
    </message>
    <message>
        <source>Only a number that received a code can be rented again.</source>
        <translation>Снова арендовать можно только номер, на который пришёл код.</translation>
    </message>
    <message>
        <source>Only a purchase whose answer never came can be dismissed.</source>
        <translation>Закрыть можно только покупку, на которую не пришёл ответ.</translation>
    </message>
    <message>
        <source>The order is {state}.</source>
        <translation>Заказ {state}.</translation>
    </message>
    <message>
        <source>Wait {wait} s before cancelling.</source>
        <translation>Отмена будет доступна через {wait} с.</translation>
    </message>
    <message>
        <source>{title} accepts a cancel {minutes} minutes after purchase: wait {wait} s.</source>
        <translation>{title} принимает отмену через {minutes} мин после покупки: подождите {wait} с.</translation>
    </message>
    <message>
        <source>{title} does not offer another SMS.</source>
        <translation>{title} не поддерживает повторное SMS.</translation>
    </message>
    <message>
        <source>{title} does not offer renting the same number again.</source>
        <translation>{title} не поддерживает повторную аренду номера.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source> (not checked)</source>
        <translation> (не проверен)</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation> и ещё {count}</translation>
    </message>
    <message>
        <source>, balance {balance}</source>
        <translation>, баланс {balance}</translation>
    </message>
    <message>
        <source>--attempts must be 1 or more</source>
        <translation>--attempts должно быть не меньше 1</translation>
    </message>
    <message>
        <source>--max-price {text!r} is not a price above zero</source>
        <translation>--max-price {text!r} — не цена больше нуля</translation>
    </message>
    <message>
        <source>--webhook wants HOST:PORT ({error})</source>
        <translation>--webhook ожидает ХОСТ:ПОРТ ({error})</translation>
    </message>
    <message>
        <source>API key: </source>
        <translation>API-ключ: </translation>
    </message>
    <message>
        <source>added {label} ({kind}), key from the {source}{checked}</source>
        <translation>добавлен {label} ({kind}), ключ: {source}{checked}</translation>
    </message>
    <message>
        <source>an account named {label!r} exists already</source>
        <translation>аккаунт с названием {label!r} уже есть</translation>
    </message>
    <message>
        <source>could not reach {where}: {error} Nothing was saved; --no-check saves it without asking.</source>
        <translation>не удалось связаться с {where}: {error} Ничего не сохранено; --no-check сохранит без проверки.</translation>
    </message>
    <message>
        <source>countries</source>
        <translation>страны</translation>
    </message>
    <message>
        <source>country</source>
        <translation>страна</translation>
    </message>
    <message>
        <source>no account knows a country called {wanted!r}</source>
        <translation>ни один аккаунт не знает страну {wanted!r}</translation>
    </message>
    <message>
        <source>no account yet: add one with `bloomdesk-cli accounts add`</source>
        <translation>аккаунтов пока нет: добавьте командой `bloomdesk-cli accounts add`</translation>
    </message>
    <message>
        <source>no accounts</source>
        <translation>аккаунтов нет</translation>
    </message>
    <message>
        <source>no code for order #{order} yet</source>
        <translation>кода для заказа №{order} пока нет</translation>
    </message>
    <message>
        <source>no finished orders yet</source>
        <translation>завершённых заказов пока нет</translation>
    </message>
    <message>
        <source>no key given: pipe it on stdin or set {variable}</source>
        <translation>ключ не указан: передайте его через stdin или задайте {variable}</translation>
    </message>
    <message>
        <source>no offers match</source>
        <translation>подходящих предложений нет</translation>
    </message>
    <message>
        <source>no open orders</source>
        <translation>открытых заказов нет</translation>
    </message>
    <message>
        <source>no orders yet</source>
        <translation>заказов пока нет</translation>
    </message>
    <message>
        <source>no route had a number after {count} attempt(s)</source>
        <translation>ни на одном варианте не нашлось номера (попыток: {count})</translation>
    </message>
    <message>
        <source>no system keyring is available to keep {label}&apos;s key: export {variable}=&lt;the key&gt; and run this again (BloomDesk then reads the key from the environment every time); nothing was saved</source>
        <translation>нет системного хранилища ключей для ключа {label}: выполните export {variable}=&lt;ключ&gt; и запустите команду снова (BloomDesk будет каждый раз брать ключ из окружения); ничего не сохранено</translation>
    </message>
    <message>
        <source>no {service} number in stock at {label}</source>
        <translation>у {label} нет номеров {service}</translation>
    </message>
    <message>
        <source>no {service} number in stock at {label} at or below {cap}</source>
        <translation>у {label} нет номеров {service} по цене до {cap}</translation>
    </message>
    <message>
        <source>no {service} number in stock on any account</source>
        <translation>ни на одном аккаунте нет номеров {service}</translation>
    </message>
    <message>
        <source>no {service} number in stock on any account at or below {cap}</source>
        <translation>ни на одном аккаунте нет номеров {service} по цене до {cap}</translation>
    </message>
    <message>
        <source>no {what} is called {wanted!r} here</source>
        <translation>здесь нет значения «{what}» с названием {wanted!r}</translation>
    </message>
    <message>
        <source>order #{order} ({account}, phone {phone}, provider id {pid}) is not in the journal: {problem} Keep these details.</source>
        <translation>заказ №{order} ({account}, номер {phone}, id у провайдера {pid}) не записан в журнал: {problem} Сохраните эти данные.</translation>
    </message>
    <message>
        <source>order #{order} ended {state} without a code</source>
        <translation>заказ №{order} завершился ({state}) без кода</translation>
    </message>
    <message>
        <source>order #{order} is charged unless a code comes or it is cancelled by {by}: a running BloomDesk window cancels it in time, or run `bloomdesk-cli wait {order}`</source>
        <translation>заказ №{order} будет оплачен, если до {by} не придёт код или он не будет отменён: открытое окно BloomDesk отменит его вовремя, или выполните `bloomdesk-cli wait {order}`</translation>
    </message>
    <message>
        <source>receiving webhooks at {where}</source>
        <translation>вебхуки принимаются на {where}</translation>
    </message>
    <message>
        <source>removed {label}</source>
        <translation>удалён {label}</translation>
    </message>
    <message>
        <source>say which provider: --kind KIND or --preset NAME</source>
        <translation>укажите провайдера: --kind ТИП или --preset ИМЯ</translation>
    </message>
    <message>
        <source>service</source>
        <translation>сервис</translation>
    </message>
    <message>
        <source>services</source>
        <translation>сервисы</translation>
    </message>
    <message>
        <source>several accounts exist: choose one with --account</source>
        <translation>аккаунтов несколько: выберите один через --account</translation>
    </message>
    <message>
        <source>the keyring refused {label}&apos;s key, so it is not kept: export {variable}=&lt;the key&gt; before the next command</source>
        <translation>хранилище ключей не приняло ключ {label}, поэтому он не сохранён: перед следующей командой выполните export {variable}=&lt;ключ&gt;</translation>
    </message>
    <message>
        <source>the provider</source>
        <translation>провайдер</translation>
    </message>
    <message>
        <source>{account}: {error} The provider may have charged: BloomDesk keeps order #{order} and checks it with the provider (the next `bloomdesk-cli orders` does), never buying it twice.</source>
        <translation>{account}: {error} Провайдер мог списать деньги: BloomDesk сохраняет заказ №{order} и сверит его с провайдером (это сделает следующая команда `bloomdesk-cli orders`), не покупая повторно.</translation>
    </message>
    <message>
        <source>{country} on {account}: {outcome}</source>
        <translation>{country} на {account}: {outcome}</translation>
    </message>
    <message>
        <source>{title} speaks {known}, not {kind}</source>
        <translation>{title} работает по протоколу {known}, а не {kind}</translation>
    </message>
    <message>
        <source>{wanted!r} matches several {plural}: {shown}{more}; give the code</source>
        <translation>{wanted!r} подходит под несколько значений ({plural}): {shown}{more}; укажите код</translation>
    </message>
    <message>
        <source>{where} refused the key: {error} Nothing was saved.</source>
        <translation>{where} не принял ключ: {error} Ничего не сохранено.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>An account name is up to {most} printable characters.</source>
        <translation>Название аккаунта — не больше {most} печатных символов.</translation>
    </message>
    <message>
        <source>An account needs a name.</source>
        <translation>У аккаунта должно быть название.</translation>
    </message>
    <message>
        <source>Enter the API key first.</source>
        <translation>Сначала введите API-ключ.</translation>
    </message>
    <message>
        <source>No API key is known for {label}: enter it in the account settings.</source>
        <translation>API-ключ для {label} неизвестен: укажите его в настройках аккаунта.</translation>
    </message>
    <message>
        <source>No preset is called {name!r}; known: {known}.</source>
        <translation>Шаблона {name!r} нет; есть: {known}.</translation>
    </message>
    <message>
        <source>No system keyring is available, so API keys are kept for this session only and must be entered again after a restart (or set BLOOMDESK_KEY_&lt;LABEL&gt; in the environment).</source>
        <translation>Системное хранилище ключей недоступно, поэтому API-ключи хранятся только до конца сеанса, и после перезапуска их придётся ввести снова (или задайте BLOOMDESK_KEY_&lt;LABEL&gt; в окружении).</translation>
    </message>
    <message>
        <source>Order {order} changed meanwhile: it is {state} now.</source>
        <translation>Заказ {order} тем временем изменился: теперь он {state}.</translation>
    </message>
    <message>
        <source>The API key contains characters a key never has (spaces, letters outside ASCII): check it was copied whole.</source>
        <translation>В API-ключе есть символы, которых в ключах не бывает (пробелы, буквы не из ASCII): проверьте, что ключ скопирован целиком.</translation>
    </message>
    <message>
        <source>The address must not carry a key or other parameters (nothing after ?, # or before @): give the API key in its own field.</source>
        <translation>Адрес не должен содержать ключ или другие параметры (ничего после ?, # или перед @): укажите API-ключ в отдельном поле.</translation>
    </message>
    <message>
        <source>The address must start with https:// (or http://) and name a host.</source>
        <translation>Адрес должен начинаться с https:// (или http://) и содержать имя хоста.</translation>
    </message>
    <message>
        <source>The provider charged for order #{order} ({phone}), but the journal could not record it: {error} BloomDesk keeps the order and will record it as soon as it can; it can be cancelled or completed as usual.</source>
        <translation>Провайдер списал оплату за заказ №{order} ({phone}), но журнал не смог его записать: {error} BloomDesk хранит заказ и запишет его, как только сможет; его можно отменить или завершить как обычно.</translation>
    </message>
    <message>
        <source>There is no account named {label!r}.</source>
        <translation>Аккаунта с названием {label!r} нет.</translation>
    </message>
    <message>
        <source>There is no order {order}.</source>
        <translation>Заказа {order} нет.</translation>
    </message>
    <message>
        <source>Unknown provider kind {kind!r}; known: {known}.</source>
        <translation>Неизвестный тип провайдера {kind!r}; известны: {known}.</translation>
    </message>
    <message>
        <source>no phone yet</source>
        <translation>номера пока нет</translation>
    </message>
    <message>
        <source>{label} still has {count} open order(s): finish or cancel them first.</source>
        <translation>У {label} ещё есть открытые заказы ({count}): сначала завершите или отмените их.</translation>
    </message>
    <message>
        <source>{title} needs its address (the provider&apos;s …/stubs/handler_api.php URL).</source>
        <translation>Для {title} нужен адрес (URL …/stubs/handler_api.php провайдера).</translation>
    </message>
</context>
<context>
    <name>format</name>
    <message>
        <source>just now</source>
        <translation>только что</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>истекло</translation>
    </message>
    <message>
        <source>{hours} h ago</source>
        <translation>{hours} ч назад</translation>
    </message>
    <message>
        <source>{minutes} min ago</source>
        <translation>{minutes} мин назад</translation>
    </message>
</context>
<context>
    <name>providers</name>
    <message>
        <source>A list from the provider has an unexpected shape.</source>
        <translation>Список от провайдера имеет неожиданный формат.</translation>
    </message>
    <message>
        <source>An API key is needed.</source>
        <translation>Нужен API-ключ.</translation>
    </message>
    <message>
        <source>Could not connect to the provider ({error}).</source>
        <translation>Не удалось подключиться к провайдеру ({error}).</translation>
    </message>
    <message>
        <source>HTTP failure ({error}).</source>
        <translation>Ошибка HTTP ({error}).</translation>
    </message>
    <message>
        <source>No number at or below your maximum price; the cheapest is {floor}.</source>
        <translation>Нет номера по вашей максимальной цене или дешевле; самый дешёвый стоит {floor}.</translation>
    </message>
    <message>
        <source>No number is offered at or below your maximum price.</source>
        <translation>Нет номеров по вашей максимальной цене или дешевле.</translation>
    </message>
    <message>
        <source>No numbers are available for this service and country right now.</source>
        <translation>Для этого сервиса и страны сейчас нет номеров.</translation>
    </message>
    <message>
        <source>The API key contains characters that cannot be sent (only printable ASCII is allowed); check it was copied whole.</source>
        <translation>В API-ключе есть символы, которые нельзя отправить (допустимы только печатные символы ASCII); проверьте, что ключ скопирован целиком.</translation>
    </message>
    <message>
        <source>The API key was not accepted. Check it in the account settings.</source>
        <translation>API-ключ не принят. Проверьте его в настройках аккаунта.</translation>
    </message>
    <message>
        <source>The account is inactive.</source>
        <translation>Аккаунт неактивен.</translation>
    </message>
    <message>
        <source>The balance is too low for this number.</source>
        <translation>Недостаточно средств на балансе для этого номера.</translation>
    </message>
    <message>
        <source>The base URL must start with http:// or https://.</source>
        <translation>Базовый URL должен начинаться с http:// или https://.</translation>
    </message>
    <message>
        <source>The connection to the provider failed mid-request ({error}).</source>
        <translation>Соединение с провайдером оборвалось посреди запроса ({error}).</translation>
    </message>
    <message>
        <source>The country list has an unexpected shape.</source>
        <translation>Список стран имеет неожиданный формат.</translation>
    </message>
    <message>
        <source>The limit of active rentals is reached.</source>
        <translation>Достигнут лимит активных аренд.</translation>
    </message>
    <message>
        <source>The list of active orders has an unexpected shape.</source>
        <translation>Список активных заказов имеет неожиданный формат.</translation>
    </message>
    <message>
        <source>The order has an unexpected shape.</source>
        <translation>Заказ имеет неожиданный формат.</translation>
    </message>
    <message>
        <source>The order is not in a state that allows this action.</source>
        <translation>В текущем состоянии заказа это действие невозможно.</translation>
    </message>
    <message>
        <source>The price list has an unexpected shape.</source>
        <translation>Прайс-лист имеет неожиданный формат.</translation>
    </message>
    <message>
        <source>The provider did not answer in time.</source>
        <translation>Провайдер не ответил вовремя.</translation>
    </message>
    <message>
        <source>The provider did not answer within {deadline:g} s.</source>
        <translation>Провайдер не ответил за {deadline:g} с.</translation>
    </message>
    <message>
        <source>The provider does not know this country.</source>
        <translation>Провайдер не знает такой страны.</translation>
    </message>
    <message>
        <source>The provider does not know this order.</source>
        <translation>Провайдер не знает такого заказа.</translation>
    </message>
    <message>
        <source>The provider does not know this service.</source>
        <translation>Провайдер не знает такого сервиса.</translation>
    </message>
    <message>
        <source>The provider does not offer this action.</source>
        <translation>Провайдер не поддерживает это действие.</translation>
    </message>
    <message>
        <source>The provider failed with HTTP {status}.</source>
        <translation>Ошибка на стороне провайдера: HTTP {status}.</translation>
    </message>
    <message>
        <source>The provider has banned this key until {until}.</source>
        <translation>Провайдер заблокировал этот ключ до {until}.</translation>
    </message>
    <message>
        <source>The provider has suspended this account.</source>
        <translation>Провайдер приостановил этот аккаунт.</translation>
    </message>
    <message>
        <source>The provider is down for maintenance.</source>
        <translation>У провайдера технические работы.</translation>
    </message>
    <message>
        <source>The provider is unreachable or failing right now.</source>
        <translation>Провайдер сейчас недоступен или работает со сбоями.</translation>
    </message>
    <message>
        <source>The provider refused the request.</source>
        <translation>Провайдер отклонил запрос.</translation>
    </message>
    <message>
        <source>The provider refused this action.</source>
        <translation>Провайдер отклонил это действие.</translation>
    </message>
    <message>
        <source>The provider rejected a parameter of the request.</source>
        <translation>Провайдер отклонил параметр запроса.</translation>
    </message>
    <message>
        <source>The provider rejected the request&apos;s {field!r}.</source>
        <translation>Провайдер отклонил поле запроса {field!r}.</translation>
    </message>
    <message>
        <source>The provider reported an internal error.</source>
        <translation>Провайдер сообщил о внутренней ошибке.</translation>
    </message>
    <message>
        <source>The provider sent a number with too many digits.</source>
        <translation>Провайдер прислал число со слишком большим количеством цифр.</translation>
    </message>
    <message>
        <source>The provider sent an answer BloomDesk does not understand.</source>
        <translation>Провайдер прислал ответ, который BloomDesk не понимает.</translation>
    </message>
    <message>
        <source>The provider sent an answer BloomDesk does not understand. It began: {excerpt!r}</source>
        <translation>Провайдер прислал ответ, который BloomDesk не понимает. Начало: {excerpt!r}</translation>
    </message>
    <message>
        <source>The provider sent an invalid time: {value!r}</source>
        <translation>Провайдер прислал неверное время: {value!r}</translation>
    </message>
    <message>
        <source>The provider sent an invalid {what}: {shown!r}</source>
        <translation>Провайдер прислал неверное значение {what}: {shown!r}</translation>
    </message>
    <message>
        <source>The provider sent an unknown order status: {status!r}</source>
        <translation>Провайдер прислал неизвестный статус заказа: {status!r}</translation>
    </message>
    <message>
        <source>The provider sent an {what} BloomDesk will not use: {shown!r}</source>
        <translation>Провайдер прислал {what}, который BloomDesk не примет: {shown!r}</translation>
    </message>
    <message>
        <source>The provider sent no valid {what}.</source>
        <translation>Провайдер не прислал корректное значение {what}.</translation>
    </message>
    <message>
        <source>The provider&apos;s address answered 404 with a web page, not an answer of its API.</source>
        <translation>Адрес провайдера ответил страницей 404, а не ответом API.</translation>
    </message>
    <message>
        <source>The provider&apos;s answer is compressed twice over.</source>
        <translation>Ответ провайдера сжат дважды.</translation>
    </message>
    <message>
        <source>The provider&apos;s answer lacks the phone number.</source>
        <translation>В ответе провайдера нет номера телефона.</translation>
    </message>
    <message>
        <source>The provider&apos;s answer lacks {field!r}.</source>
        <translation>В ответе провайдера нет поля {field!r}.</translation>
    </message>
    <message>
        <source>The provider&apos;s answer to a purchase has an unexpected shape.</source>
        <translation>Ответ провайдера на покупку имеет неожиданный формат.</translation>
    </message>
    <message>
        <source>The provider&apos;s answer was too large (over {size} MB); BloomDesk stopped reading it.</source>
        <translation>Ответ провайдера слишком большой (больше {size} МБ); BloomDesk прекратил его чтение.</translation>
    </message>
    <message>
        <source>The provider&apos;s compressed answer is corrupt.</source>
        <translation>Сжатый ответ провайдера повреждён.</translation>
    </message>
    <message>
        <source>The provider&apos;s country list has a row without an id.</source>
        <translation>В списке стран провайдера есть строка без id.</translation>
    </message>
    <message>
        <source>The provider&apos;s list never ended.</source>
        <translation>Список провайдера не заканчивается.</translation>
    </message>
    <message>
        <source>The provider&apos;s list of operators has an unexpected shape.</source>
        <translation>Список операторов провайдера имеет неожиданный формат.</translation>
    </message>
    <message>
        <source>The provider&apos;s order status has an unexpected shape.</source>
        <translation>Статус заказа от провайдера имеет неожиданный формат.</translation>
    </message>
    <message>
        <source>The provider&apos;s upstream failed.</source>
        <translation>Сбой у поставщика номеров провайдера.</translation>
    </message>
    <message>
        <source>Too early to cancel: the provider allows it a few minutes after purchase.</source>
        <translation>Слишком рано для отмены: провайдер разрешает её через несколько минут после покупки.</translation>
    </message>
    <message>
        <source>Too many requests: the provider asks us to slow down.</source>
        <translation>Слишком много запросов: провайдер просит снизить частоту.</translation>
    </message>
    <message>
        <source>Unknown provider kind {kind!r}; known: {known}.</source>
        <translation>Неизвестный тип провайдера {kind!r}; известны: {known}.</translation>
    </message>
    <message>
        <source>a choice of mobile operator</source>
        <translation>выбор оператора связи</translation>
    </message>
    <message>
        <source>codes by webhook</source>
        <translation>коды через вебхук</translation>
    </message>
    <message>
        <source>listing active orders</source>
        <translation>список активных заказов</translation>
    </message>
    <message>
        <source>listing active orders in one call</source>
        <translation>список активных заказов одним запросом</translation>
    </message>
    <message>
        <source>renting the same number again</source>
        <translation>повторную аренду того же номера</translation>
    </message>
    <message>
        <source>requesting another SMS</source>
        <translation>запрос ещё одного SMS</translation>
    </message>
    <message>
        <source>this action</source>
        <translation>это действие</translation>
    </message>
    <message>
        <source>{title} does not offer {what}.</source>
        <translation>{title} не поддерживает {what}.</translation>
    </message>
    <message>
        <source>{title} needs the provider&apos;s base URL (its …/stubs/handler_api.php address).</source>
        <translation>Для {title} нужен базовый URL провайдера (его адрес …/stubs/handler_api.php).</translation>
    </message>
    <message>
        <source>{value!r} is not an order id BloomDesk can send.</source>
        <translation>{value!r} — не тот id заказа, который BloomDesk может отправить.</translation>
    </message>
</context>
<context>
    <name>reasons</name>
    <message>
        <source>Another SMS requested.</source>
        <translation>Запрошено ещё одно SMS.</translation>
    </message>
    <message>
        <source>Auto-cancelled: no code came before the free-cancel deadline, so nothing was charged.</source>
        <translation>Отменён автоматически: код не пришёл до конца бесплатной отмены, поэтому ничего не списано.</translation>
    </message>
    <message>
        <source>Bought outside BloomDesk (found at the provider); it is not auto-cancelled unless you turn that on for it.</source>
        <translation>Куплен вне BloomDesk (найден у провайдера); он не отменяется автоматически, если вы сами этого не включите.</translation>
    </message>
    <message>
        <source>Buying…</source>
        <translation>Покупаем…</translation>
    </message>
    <message>
        <source>Cancelled by you.</source>
        <translation>Отменён вами.</translation>
    </message>
    <message>
        <source>Completed.</source>
        <translation>Завершён.</translation>
    </message>
    <message>
        <source>Dismissed by you.</source>
        <translation>Закрыт вами.</translation>
    </message>
    <message>
        <source>Ended at expiry.</source>
        <translation>Завершён по истечении срока.</translation>
    </message>
    <message>
        <source>Expired at the provider.</source>
        <translation>Срок истёк у провайдера.</translation>
    </message>
    <message>
        <source>Finished: the number was rented again as a new order.</source>
        <translation>Завершён: номер снова арендован новым заказом.</translation>
    </message>
    <message>
        <source>Recovered after an interrupted buy.</source>
        <translation>Восстановлен после прерванной покупки.</translation>
    </message>
    <message>
        <source>The answer to the buy never came. BloomDesk is checking with the provider; it will not be bought twice.</source>
        <translation>Ответ на покупку не пришёл. BloomDesk проверяет у провайдера; дважды номер куплен не будет.</translation>
    </message>
    <message>
        <source>The buy never reached the provider: nothing was charged.</source>
        <translation>Запрос на покупку не дошёл до провайдера: ничего не списано.</translation>
    </message>
    <message>
        <source>The buy&apos;s answer never came and this provider cannot list active orders, so BloomDesk cannot tell whether it was bought. Check the provider&apos;s site, then dismiss it.</source>
        <translation>Ответ на покупку не пришёл, а этот провайдер не умеет выдавать список активных заказов, поэтому BloomDesk не может узнать, куплен ли номер. Проверьте сайт провайдера и затем закройте заказ.</translation>
    </message>
    <message>
        <source>The provider gave this order&apos;s id to a new order.</source>
        <translation>Провайдер присвоил id этого заказа новому заказу.</translation>
    </message>
    <message>
        <source>The provider holds no such order: the buy never went through, nothing was charged.</source>
        <translation>У провайдера нет такого заказа: покупка не состоялась, ничего не списано.</translation>
    </message>
    <message>
        <source>The provider no longer knows this order (it said so several times).</source>
        <translation>Провайдер больше не знает этот заказ (сообщил об этом несколько раз).</translation>
    </message>
    <message>
        <source>The provider refused the buy: nothing was charged.</source>
        <translation>Провайдер отказал в покупке: ничего не списано.</translation>
    </message>
</context>
<context>
    <name>routes</name>
    <message>
        <source>bought</source>
        <translation>куплено</translation>
    </message>
    <message>
        <source>no funds</source>
        <translation>не хватает средств</translation>
    </message>
    <message>
        <source>no numbers</source>
        <translation>нет номеров</translation>
    </message>
</context>
<context>
    <name>spending</name>
    <message>
        <source>Balance after: unknown (the balance has not been read yet)</source>
        <translation>Баланс после: неизвестен (баланс ещё не получен)</translation>
    </message>
    <message>
        <source>Balance after: {balance}</source>
        <translation>Баланс после: {balance}</translation>
    </message>
    <message>
        <source>Balance now: {balance} (the provider sets the price)</source>
        <translation>Баланс сейчас: {balance} (цену назначит провайдер)</translation>
    </message>
    <message>
        <source>Pay the price shown</source>
        <translation>Оплатить указанную цену</translation>
    </message>
    <message>
        <source>Spend nothing</source>
        <translation>Ничего не тратить</translation>
    </message>
    <message>
        <source>The balance ({balance}) is below the price: the provider will most likely refuse.</source>
        <translation>Баланс ({balance}) меньше цены: провайдер, скорее всего, откажет.</translation>
    </message>
</context>
<context>
    <name>states</name>
    <message>
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>завершён</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>истёк</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>не удался</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>покупается</translation>
    </message>
    <message>
        <source>received</source>
        <translation>получил код</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>в неизвестном состоянии</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>ждёт SMS</translation>
    </message>
    <message>
        <source>waiting_retry</source>
        <translation>ждёт следующее SMS</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <source>An account named {label!r} exists already.</source>
        <translation>Аккаунт с названием {label!r} уже есть.</translation>
    </message>
    <message>
        <source>Order {order} changed in another BloomDesk meanwhile.</source>
        <translation>Заказ {order} тем временем изменён в другом BloomDesk.</translation>
    </message>
    <message>
        <source>The disk failed while writing the order journal ({name}).</source>
        <translation>Сбой диска при записи журнала заказов ({name}).</translation>
    </message>
    <message>
        <source>The disk is full: the order journal cannot be written.</source>
        <translation>Диск заполнен: журнал заказов не удаётся записать.</translation>
    </message>
    <message>
        <source>The order journal at {path} cannot be opened: {error}.</source>
        <translation>Журнал заказов {path} не открывается: {error}.</translation>
    </message>
    <message>
        <source>The order journal at {path} was written by a newer BloomDesk (schema {version}, this version knows {known}). It was left untouched: update BloomDesk to open it.</source>
        <translation>Журнал заказов {path} записан более новой версией BloomDesk (схема {version}, эта версия знает {known}). Он не изменён: обновите BloomDesk, чтобы его открыть.</translation>
    </message>
    <message>
        <source>The order journal cannot be written: check the state folder&apos;s permissions.</source>
        <translation>Журнал заказов не удаётся записать: проверьте права на папку данных.</translation>
    </message>
    <message>
        <source>The order journal failed ({error}).</source>
        <translation>Ошибка журнала заказов ({error}).</translation>
    </message>
    <message>
        <source>The order journal is busy in another BloomDesk; try again.</source>
        <translation>Журнал заказов занят другим BloomDesk; попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The order journal is damaged or is not a BloomDesk journal; it was left untouched.</source>
        <translation>Журнал заказов повреждён или это не журнал BloomDesk; он не изменён.</translation>
    </message>
    <message>
        <source>There is no account named {label!r}.</source>
        <translation>Аккаунта с названием {label!r} нет.</translation>
    </message>
</context>
<context>
    <name>webhooks</name>
    <message>
        <source>Cannot listen on {host}:{port}: {error}</source>
        <translation>Не удаётся слушать на {host}:{port}: {error}</translation>
    </message>
    <message>
        <source>Listening on {host}:{port}: {accepted} code(s) received, {refused} request(s) refused.</source>
        <translation>Принимаем на {host}:{port}: получено кодов: {accepted}, отклонено запросов: {refused}.</translation>
    </message>
    <message>
        <source>Not listening.</source>
        <translation>Не принимает.</translation>
    </message>
</context>
<context>
    <name>words</name>
    <message>
        <source>{reason} ({note})</source>
        <translation>{reason} ({note})</translation>
    </message>
</context>
</TS>
