<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddressPicker</name>
    <message>
        <location filename="../qml/components/flow/AddressPicker.qml" line="241"/>
        <source>Choose your province or municipality</source>
        <translation>请选择省份或直辖市</translation>
    </message>
    <message>
        <location filename="../qml/components/flow/AddressPicker.qml" line="242"/>
        <source>Choose your city</source>
        <translation>请选择城市</translation>
    </message>
    <message>
        <location filename="../qml/components/flow/AddressPicker.qml" line="243"/>
        <source>Choose your district</source>
        <translation>请选择区县</translation>
    </message>
    <message>
        <location filename="../qml/components/flow/AddressPicker.qml" line="244"/>
        <source>Choose your street or road</source>
        <translation>请选择街道或道路</translation>
    </message>
    <message>
        <location filename="../qml/components/flow/AddressPicker.qml" line="245"/>
        <source>Type the house number, and building, unit and room if any</source>
        <translation>请输入门牌号；如有楼号、单元号和室号，也请一并输入</translation>
    </message>
    <message>
        <location filename="../qml/components/flow/AddressPicker.qml" line="251"/>
        <source>No.</source>
        <translation>门牌号</translation>
    </message>
    <message>
        <location filename="../qml/components/flow/AddressPicker.qml" line="252"/>
        <source>Building</source>
        <translation>楼号</translation>
    </message>
    <message>
        <location filename="../qml/components/flow/AddressPicker.qml" line="253"/>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../qml/components/flow/AddressPicker.qml" line="254"/>
        <source>Room</source>
        <translation>室号</translation>
    </message>
    <message>
        <location filename="../qml/components/flow/AddressPicker.qml" line="275"/>
        <source>Change your address</source>
        <translation>修改住址</translation>
    </message>
    <message>
        <location filename="../qml/components/flow/AddressPicker.qml" line="445"/>
        <source>Your new address</source>
        <translation>新住址</translation>
    </message>
    <message>
        <location filename="../qml/components/flow/AddressPicker.qml" line="466"/>
        <source>This address is too long to print on the licence. Leave out the building, unit or room number if you can.</source>
        <translation>此地址过长，无法印在驾驶证上。如可以，请省略楼号、单元号或室号。</translation>
    </message>
    <message>
        <location filename="../qml/components/flow/AddressPicker.qml" line="488"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../qml/components/flow/AddressPicker.qml" line="499"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../qml/components/flow/AddressPicker.qml" line="510"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../qml/screens/AttractScreen.qml" line="12"/>
        <source>Welcome. Choose a service to begin.</source>
        <translation>欢迎使用。请选择要办理的业务。</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreen.qml" line="21"/>
        <source>Renew your driving licence in about five minutes. Bring your ID card.</source>
        <translation>约五分钟即可换领驾驶证。请携带本人身份证。</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreen.qml" line="22"/>
        <source>Lost your licence? Get a new card printed here.</source>
        <translation>驾驶证丢失？可在此补领并当场制证。</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreen.qml" line="23"/>
        <source>Card damaged? Swap it for a new one here.</source>
        <translation>驾驶证损毁？可在此换领新证。</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreen.qml" line="24"/>
        <source>See your licence&apos;s classes, validity and points.</source>
        <translation>查询您的准驾车型、有效期和记分情况。</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreen.qml" line="41"/>
        <source>Some services are not available at this kiosk right now: one of its devices is not connected. Please use the service counter for them.</source>
        <translation>本机部分业务暂时无法办理：有设备未连接。请到服务窗口办理这些业务。</translation>
    </message>
</context>
<context>
    <name>AttractScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="26"/>
        <source>Welcome</source>
        <translation>欢迎使用</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="30"/>
        <source>Choose a service to begin. Choose your language at the top.</source>
        <translation>请选择要办理的业务。可在屏幕上方切换语言。</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="90"/>
        <source>Renew my licence</source>
        <translation>驾驶证换领</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="91"/>
        <source>Your licence expires soon or has expired</source>
        <translation>驾驶证即将到期或已到期</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="98"/>
        <source>Replace a lost licence</source>
        <translation>遗失补领</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="99"/>
        <source>Your card was lost or stolen</source>
        <translation>驾驶证遗失或被盗</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="106"/>
        <source>Replace a damaged licence</source>
        <translation>损毁换领</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="107"/>
        <source>Bring the damaged card with you</source>
        <translation>请携带损毁的驾驶证</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="114"/>
        <source>Check my licence</source>
        <translation>驾驶证信息查询</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="115"/>
        <source>Classes, validity and points</source>
        <translation>准驾车型、有效期和记分</translation>
    </message>
</context>
<context>
    <name>AuditPageForm.ui</name>
    <message>
        <location filename="../qml/maintenance/AuditPageForm.ui.qml" line="25"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/AuditPageForm.ui.qml" line="34"/>
        <source>Chain verified</source>
        <translation>哈希链校验通过</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/AuditPageForm.ui.qml" line="34"/>
        <source>Chain broken</source>
        <translation>哈希链已损坏</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/AuditPageForm.ui.qml" line="41"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>CallStaffScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/CallStaffScreenForm.ui.qml" line="14"/>
        <source>Please go to the service counter</source>
        <translation>请前往人工服务窗口</translation>
    </message>
    <message>
        <location filename="../qml/screens/CallStaffScreenForm.ui.qml" line="15"/>
        <source>You chose not to use face verification. A staff member will check your identity and help you with your licence.</source>
        <translation>您选择不进行人脸核验。工作人员将为您核验身份并办理驾驶证业务。</translation>
    </message>
    <message>
        <location filename="../qml/screens/CallStaffScreenForm.ui.qml" line="19"/>
        <source>Please bring</source>
        <translation>请携带</translation>
    </message>
    <message>
        <location filename="../qml/screens/CallStaffScreenForm.ui.qml" line="20"/>
        <source>• Your resident ID card (take it from the reader)</source>
        <translation>• 本人居民身份证（请从读卡区取回）</translation>
    </message>
    <message>
        <location filename="../qml/screens/CallStaffScreenForm.ui.qml" line="21"/>
        <source>• Your current driving licence, if you have it</source>
        <translation>• 原驾驶证（如有）</translation>
    </message>
    <message>
        <location filename="../qml/screens/CallStaffScreenForm.ui.qml" line="28"/>
        <source>Your details have been cleared from the kiosk.</source>
        <translation>您的信息已从本机清除。</translation>
    </message>
    <message>
        <location filename="../qml/screens/CallStaffScreenForm.ui.qml" line="39"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>CheckingScreen</name>
    <message>
        <location filename="../qml/screens/CheckingScreen.qml" line="19"/>
        <source>Checking your face with the licence office…</source>
        <translation>正在向车管所核验您的人脸信息……</translation>
    </message>
    <message>
        <location filename="../qml/screens/CheckingScreen.qml" line="20"/>
        <source>Checking your licence records…</source>
        <translation>正在查询您的驾驶证档案……</translation>
    </message>
    <message>
        <location filename="../qml/screens/CheckingScreen.qml" line="22"/>
        <source>Preparing your payment…</source>
        <translation>正在准备缴费……</translation>
    </message>
    <message>
        <location filename="../qml/screens/CheckingScreen.qml" line="24"/>
        <source>Confirming your payment with the licence office…</source>
        <translation>正在与车管所确认您的缴费……</translation>
    </message>
    <message>
        <location filename="../qml/screens/CheckingScreen.qml" line="25"/>
        <source>Preparing your new licence…</source>
        <translation>正在准备制作新驾驶证……</translation>
    </message>
    <message>
        <location filename="../qml/screens/CheckingScreen.qml" line="27"/>
        <source>Contacting the licence office…</source>
        <translation>正在连接车管所……</translation>
    </message>
</context>
<context>
    <name>CheckingScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/CheckingScreenForm.ui.qml" line="13"/>
        <source>Please wait a moment</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../qml/screens/CheckingScreenForm.ui.qml" line="25"/>
        <source>This usually takes a few seconds. Please keep your ID card on the reader.</source>
        <translation>通常只需几秒钟。请勿取走读卡区上的身份证。</translation>
    </message>
</context>
<context>
    <name>CompletedScreen</name>
    <message>
        <location filename="../qml/screens/CompletedScreen.qml" line="20"/>
        <source>Remember to take your ID card from the reader.</source>
        <translation>请记得取回读卡区上的身份证。</translation>
    </message>
    <message>
        <location filename="../qml/screens/CompletedScreen.qml" line="23"/>
        <source>Your new driving licence is ready. Thank you for using the self-service kiosk.</source>
        <translation>您的新驾驶证已办好。感谢使用自助服务终端。</translation>
    </message>
    <message>
        <location filename="../qml/screens/CompletedScreen.qml" line="24"/>
        <source>Thank you for using the self-service kiosk.</source>
        <translation>感谢使用自助服务终端。</translation>
    </message>
</context>
<context>
    <name>CompletedScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/CompletedScreenForm.ui.qml" line="15"/>
        <source>All done</source>
        <translation>办理完成</translation>
    </message>
    <message>
        <location filename="../qml/screens/CompletedScreenForm.ui.qml" line="24"/>
        <source>Card number</source>
        <translation>卡片编号</translation>
    </message>
    <message>
        <location filename="../qml/screens/CompletedScreenForm.ui.qml" line="37"/>
        <source>Remember to take your ID card from the reader.</source>
        <translation>请记得取回读卡区上的身份证。</translation>
    </message>
    <message>
        <location filename="../qml/screens/CompletedScreenForm.ui.qml" line="49"/>
        <source>Finish</source>
        <translation>结束</translation>
    </message>
</context>
<context>
    <name>ConfirmDetailsScreen</name>
    <message>
        <location filename="../qml/screens/ConfirmDetailsScreen.qml" line="23"/>
        <source>Check your details</source>
        <translation>请核对您的信息</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConfirmDetailsScreen.qml" line="40"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConfirmDetailsScreen.qml" line="41"/>
        <source>From %1, long-term</source>
        <translation>自 %1 起，长期有效</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConfirmDetailsScreen.qml" line="43"/>
        <source>You pay on the next screen with a mobile wallet.</source>
        <translation>下一步使用手机钱包支付。</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConfirmDetailsScreen.qml" line="44"/>
        <source>There is no fee for this service.</source>
        <translation>本业务免费办理。</translation>
    </message>
</context>
<context>
    <name>ConfirmDetailsScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/ConfirmDetailsScreenForm.ui.qml" line="34"/>
        <source>Check your details</source>
        <translation>请核对您的信息</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConfirmDetailsScreenForm.ui.qml" line="35"/>
        <source>Your new licence will be made with these details.</source>
        <translation>新驾驶证将按以下信息制作。</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConfirmDetailsScreenForm.ui.qml" line="44"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConfirmDetailsScreenForm.ui.qml" line="45"/>
        <source>ID card number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConfirmDetailsScreenForm.ui.qml" line="46"/>
        <source>Licence classes</source>
        <translation>准驾车型</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConfirmDetailsScreenForm.ui.qml" line="47"/>
        <source>New validity</source>
        <translation>新有效期</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConfirmDetailsScreenForm.ui.qml" line="59"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConfirmDetailsScreenForm.ui.qml" line="65"/>
        <source>Change address</source>
        <translation>修改住址</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConfirmDetailsScreenForm.ui.qml" line="86"/>
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConfirmDetailsScreenForm.ui.qml" line="111"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConfirmDetailsScreenForm.ui.qml" line="118"/>
        <source>Details are correct</source>
        <translation>信息无误</translation>
    </message>
</context>
<context>
    <name>ConsentScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/ConsentScreenForm.ui.qml" line="15"/>
        <source>Face verification</source>
        <translation>人脸核验</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConsentScreenForm.ui.qml" line="16"/>
        <source>To confirm that you are the holder of this ID card, the kiosk compares a photo of your face with the photo on your ID card.</source>
        <translation>为确认您是身份证持有人本人，本机将拍摄您的面部照片，并与身份证照片进行比对。</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConsentScreenForm.ui.qml" line="22"/>
        <source>What happens</source>
        <translation>核验过程</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConsentScreenForm.ui.qml" line="23"/>
        <source>• The camera takes a photo of your face.</source>
        <translation>• 摄像头拍摄您的面部照片。</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConsentScreenForm.ui.qml" line="24"/>
        <source>• The licence office compares it with your ID card photo.</source>
        <translation>• 车管所将其与您的身份证照片进行比对。</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConsentScreenForm.ui.qml" line="25"/>
        <source>• The photo is used only for this check and is not kept at the kiosk.</source>
        <translation>• 照片仅用于本次核验，不会保存在本机。</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConsentScreenForm.ui.qml" line="28"/>
        <source>If you do not want face verification, a staff member can check your identity at the service counter instead.</source>
        <translation>如您不希望进行人脸核验，可前往人工服务窗口由工作人员核验身份。</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConsentScreenForm.ui.qml" line="38"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConsentScreenForm.ui.qml" line="44"/>
        <source>Ask staff</source>
        <translation>人工核验</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConsentScreenForm.ui.qml" line="51"/>
        <source>I agree</source>
        <translation>同意并继续</translation>
    </message>
</context>
<context>
    <name>DeveloperPanel</name>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="43"/>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="51"/>
        <source>emulator.citizens failed: %1</source>
        <translation>emulator.citizens 失败：%1</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="65"/>
        <source>Kiosk24 developer panel (simulation)</source>
        <translation>Kiosk24 开发者面板（模拟）</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="100"/>
        <source>Developer panel</source>
        <translation>开发者面板</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="108"/>
        <source>Simulation only: acts on the emulated devices.</source>
        <translation>仅限模拟模式：操作模拟设备。</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="117"/>
        <source>Kiosk</source>
        <translation>自助机</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="122"/>
        <source>Screen</source>
        <translation>画面</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="128"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="135"/>
        <source>Cards left</source>
        <translation>剩余卡数</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="140"/>
        <source>Outbox</source>
        <translation>待上传</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="145"/>
        <source>Central</source>
        <translation>中心</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="160"/>
        <source>ID card</source>
        <translation>身份证</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="204"/>
        <source>Place card</source>
        <translation>放置证件</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="206"/>
        <source>ID card placed.</source>
        <translation>已放置身份证。</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="212"/>
        <source>Remove card</source>
        <translation>取走证件</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="213"/>
        <source>ID card removed.</source>
        <translation>已取走身份证。</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="220"/>
        <source>Payment code</source>
        <translation>付款码</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="231"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="232"/>
        <source>Alipay code presented.</source>
        <translation>已出示支付宝付款码。</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="238"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="239"/>
        <source>WeChat Pay code presented.</source>
        <translation>已出示微信付款码。</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="254"/>
        <source>Type a code (18 digits)</source>
        <translation>输入付款码（18 位数字）</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="286"/>
        <source>Present typed code</source>
        <translation>出示输入的付款码</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="288"/>
        <source>Payment code presented.</source>
        <translation>已出示付款码。</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="294"/>
        <source>Card dispenser</source>
        <translation>出卡口</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="299"/>
        <source>Take card</source>
        <translation>取卡</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="300"/>
        <source>Card taken.</source>
        <translation>卡已取走。</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="306"/>
        <source>Faults</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="333"/>
        <source>Fault %1 injected into %2.</source>
        <translation>已向 %2 注入故障 %1。</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="340"/>
        <source>Clear faults of %1</source>
        <translation>清除%1的故障</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="342"/>
        <source>Faults of %1 cleared.</source>
        <translation>已清除 %1 的故障。</translation>
    </message>
    <message>
        <location filename="../qml/developer/DeveloperPanel.qml" line="348"/>
        <source>Reload citizens</source>
        <translation>重新加载市民</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../qml/maintenance/DevicesPage.qml" line="45"/>
        <source>Self-test passed (%1).</source>
        <translation>自检通过（%1）。</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/DevicesPage.qml" line="46"/>
        <source>Self-test passed.</source>
        <translation>自检通过。</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/DevicesPage.qml" line="48"/>
        <source>Self-test failed: %1.</source>
        <translation>自检失败：%1。</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/DevicesPage.qml" line="95"/>
        <source>Test receipt printed.</source>
        <translation>测试凭条已打印。</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/DevicesPage.qml" line="96"/>
        <source>Test card printed (printer counter %1).</source>
        <translation>测试卡已打印（制卡机计数 %1）。</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/DevicesPage.qml" line="97"/>
        <source>Test card printed.</source>
        <translation>测试卡已打印。</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/DevicesPage.qml" line="54"/>
        <source>%1 of %2 devices ready</source>
        <translation>%2 台设备中 %1 台就绪</translation>
    </message>
</context>
<context>
    <name>DevicesPageForm.ui</name>
    <message>
        <location filename="../qml/maintenance/DevicesPageForm.ui.qml" line="25"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/DevicesPageForm.ui.qml" line="41"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/DevicesPageForm.ui.qml" line="47"/>
        <source>Self-test all</source>
        <translation>全部自检</translation>
    </message>
</context>
<context>
    <name>DigitKeypad</name>
    <message>
        <location filename="../qml/components/flow/DigitKeypad.qml" line="16"/>
        <source>Next</source>
        <translation>下一项</translation>
    </message>
    <message>
        <location filename="../qml/components/flow/DigitKeypad.qml" line="40"/>
        <source>Erase</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>EndedScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/EndedScreenForm.ui.qml" line="52"/>
        <source>What you can do now</source>
        <translation>您可以这样做</translation>
    </message>
    <message>
        <location filename="../qml/screens/EndedScreenForm.ui.qml" line="79"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>FaceCaptureScreen</name>
    <message>
        <location filename="../qml/screens/FaceCaptureScreen.qml" line="24"/>
        <source>Your licence photo</source>
        <translation>拍摄驾驶证照片</translation>
    </message>
    <message>
        <location filename="../qml/screens/FaceCaptureScreen.qml" line="24"/>
        <source>Look at the camera</source>
        <translation>请看摄像头</translation>
    </message>
    <message>
        <location filename="../qml/screens/FaceCaptureScreen.qml" line="29"/>
        <source>Look straight into the camera with a neutral expression. Keep your face inside the oval.</source>
        <translation>请正视摄像头，保持自然表情，面部位于椭圆框内。</translation>
    </message>
    <message>
        <location filename="../qml/screens/FaceCaptureScreen.qml" line="30"/>
        <source>Keep your face inside the oval and hold still while the kiosk checks it is you.</source>
        <translation>请将面部保持在椭圆框内，核验期间请勿移动。</translation>
    </message>
    <message>
        <location filename="../qml/screens/FaceCaptureScreen.qml" line="34"/>
        <source>Hold still</source>
        <translation>请保持不动</translation>
    </message>
</context>
<context>
    <name>FaceCaptureScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/FaceCaptureScreenForm.ui.qml" line="99"/>
        <source>Please remove glasses and hats. Keep your ears and eyebrows visible.</source>
        <translation>请摘下眼镜和帽子，露出双耳和眉毛。</translation>
    </message>
    <message>
        <location filename="../qml/screens/FaceCaptureScreenForm.ui.qml" line="110"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <location filename="../qml/components/IdleWarning.qml" line="40"/>
        <source>Are you still there?</source>
        <translation>您还在吗？</translation>
    </message>
    <message>
        <location filename="../qml/components/IdleWarning.qml" line="53"/>
        <source>For your privacy, the session will end and your details will be cleared when the time runs out. Touch the screen to continue.</source>
        <translation>为保护您的隐私，倒计时结束后本次办理将自动结束，您的信息将被清除。如需继续，请触摸屏幕。</translation>
    </message>
    <message>
        <location filename="../qml/components/IdleWarning.qml" line="65"/>
        <source>End now</source>
        <translation>结束办理</translation>
    </message>
    <message>
        <location filename="../qml/components/IdleWarning.qml" line="71"/>
        <source>I&apos;m still here</source>
        <translation>我还在，继续办理</translation>
    </message>
</context>
<context>
    <name>InsertIdCardScreen</name>
    <message>
        <location filename="../qml/screens/InsertIdCardScreen.qml" line="20"/>
        <source>Please lift the card off the reader and put it back.</source>
        <translation>请将身份证从读卡区拿起，再重新放回。</translation>
    </message>
    <message>
        <location filename="../qml/screens/InsertIdCardScreen.qml" line="21"/>
        <source>Please lift the card, check that it is your resident ID card, and lay it flat on the reader again.</source>
        <translation>请拿起证件，确认是本人居民身份证后，重新平放在读卡区。</translation>
    </message>
</context>
<context>
    <name>InsertIdCardScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/InsertIdCardScreenForm.ui.qml" line="18"/>
        <source>Place your ID card on the reader</source>
        <translation>请放置身份证</translation>
    </message>
    <message>
        <location filename="../qml/screens/InsertIdCardScreenForm.ui.qml" line="19"/>
        <source>Lay your resident ID card flat on the card reader below the screen. Leave it there until the service is finished.</source>
        <translation>请将居民身份证平放在屏幕下方的读卡区，办理结束前请勿取走。</translation>
    </message>
    <message>
        <location filename="../qml/screens/InsertIdCardScreenForm.ui.qml" line="40"/>
        <source>The card could not be read</source>
        <translation>未能读取身份证</translation>
    </message>
    <message>
        <location filename="../qml/screens/InsertIdCardScreenForm.ui.qml" line="76"/>
        <source>Card reader</source>
        <translation>读卡区</translation>
    </message>
    <message>
        <location filename="../qml/screens/InsertIdCardScreenForm.ui.qml" line="134"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>LicenceInfoScreen</name>
    <message>
        <location filename="../qml/screens/LicenceInfoScreen.qml" line="29"/>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../qml/screens/LicenceInfoScreen.qml" line="30"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../qml/screens/LicenceInfoScreen.qml" line="31"/>
        <source>Suspended</source>
        <translation>暂扣</translation>
    </message>
    <message>
        <location filename="../qml/screens/LicenceInfoScreen.qml" line="32"/>
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <location filename="../qml/screens/LicenceInfoScreen.qml" line="33"/>
        <source>Reported lost</source>
        <translation>已挂失</translation>
    </message>
    <message>
        <location filename="../qml/screens/LicenceInfoScreen.qml" line="49"/>
        <source>Long-term (no expiry date)</source>
        <translation>长期（无截止日期）</translation>
    </message>
    <message>
        <location filename="../qml/screens/LicenceInfoScreen.qml" line="56"/>
        <source>%1 of %2</source>
        <translation>%1 分（满分 %2 分）</translation>
    </message>
</context>
<context>
    <name>LicenceInfoScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/LicenceInfoScreenForm.ui.qml" line="22"/>
        <source>Your driving licence</source>
        <translation>您的驾驶证</translation>
    </message>
    <message>
        <location filename="../qml/screens/LicenceInfoScreenForm.ui.qml" line="23"/>
        <source>This is what the licence registry holds for you today.</source>
        <translation>以下是驾驶证档案中的当前信息。</translation>
    </message>
    <message>
        <location filename="../qml/screens/LicenceInfoScreenForm.ui.qml" line="27"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../qml/screens/LicenceInfoScreenForm.ui.qml" line="28"/>
        <source>File number</source>
        <translation>档案编号</translation>
    </message>
    <message>
        <location filename="../qml/screens/LicenceInfoScreenForm.ui.qml" line="30"/>
        <source>Licence classes</source>
        <translation>准驾车型</translation>
    </message>
    <message>
        <location filename="../qml/screens/LicenceInfoScreenForm.ui.qml" line="34"/>
        <source>Valid from</source>
        <translation>有效期起始</translation>
    </message>
    <message>
        <location filename="../qml/screens/LicenceInfoScreenForm.ui.qml" line="35"/>
        <source>Valid until</source>
        <translation>有效期截止</translation>
    </message>
    <message>
        <location filename="../qml/screens/LicenceInfoScreenForm.ui.qml" line="36"/>
        <source>Penalty points this cycle</source>
        <translation>本记分周期扣分</translation>
    </message>
    <message>
        <location filename="../qml/screens/LicenceInfoScreenForm.ui.qml" line="44"/>
        <source>Licence status</source>
        <translation>驾驶证状态</translation>
    </message>
    <message>
        <location filename="../qml/screens/LicenceInfoScreenForm.ui.qml" line="63"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../qml/maintenance/LoginPage.qml" line="21"/>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/LoginPage.qml" line="33"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/maintenance/LoginPage.qml" line="45"/>
        <source>Too many failed attempts. This user is locked out; try again in %n second(s).</source>
        <translation>
            <numerusform>失败次数过多，该用户已被锁定，请在 %n 秒后重试。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/maintenance/LoginPage.qml" line="46"/>
        <source>Too many failed attempts. This user is locked out for a while.</source>
        <translation>失败次数过多，该用户已被暂时锁定。</translation>
    </message>
</context>
<context>
    <name>LoginPageForm.ui</name>
    <message>
        <location filename="../qml/maintenance/LoginPageForm.ui.qml" line="36"/>
        <source>Technician login</source>
        <translation>技术人员登录</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/LoginPageForm.ui.qml" line="44"/>
        <source>Maintenance functions are for authorised staff. Every action is recorded in the audit log.</source>
        <translation>维护功能仅限授权人员使用。所有操作都会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/LoginPageForm.ui.qml" line="54"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/LoginPageForm.ui.qml" line="61"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/LoginPageForm.ui.qml" line="77"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/LoginPageForm.ui.qml" line="86"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>MaintDeviceCard</name>
    <message>
        <location filename="../qml/maintenance/MaintDeviceCard.qml" line="118"/>
        <source>Last error: %1</source>
        <translation>最近错误：%1</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/MaintDeviceCard.qml" line="152"/>
        <source>Self-test</source>
        <translation>自检</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/MaintDeviceCard.qml" line="159"/>
        <source>Test print card</source>
        <translation>打印测试卡</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/MaintDeviceCard.qml" line="159"/>
        <source>Test print receipt</source>
        <translation>打印测试凭条</translation>
    </message>
</context>
<context>
    <name>MaintTexts</name>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="29"/>
        <source>ID card reader</source>
        <translation>身份证阅读器</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="30"/>
        <source>Card printer</source>
        <translation>制卡机</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="31"/>
        <source>Receipt printer</source>
        <translation>凭条打印机</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="32"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="34"/>
        <source>Payment scanner</source>
        <translation>付款码扫描器</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="42"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="43"/>
        <source>Busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="44"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="45"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="46"/>
        <source>Powered off</source>
        <translation>已断电</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="47"/>
        <source>Hardware error</source>
        <translation>硬件故障</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="48"/>
        <source>Needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="70"/>
        <source>Successful commands</source>
        <translation>成功命令数</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="71"/>
        <source>Failed commands</source>
        <translation>失败命令数</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="72"/>
        <source>Communication errors</source>
        <translation>通信错误数</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="73"/>
        <source>Hours powered</source>
        <translation>通电小时数</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="74"/>
        <source>Cards printed</source>
        <translation>已打印卡数</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="75"/>
        <source>Cards rejected</source>
        <translation>已废弃卡数</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="76"/>
        <source>Ribbon panels left</source>
        <translation>色带剩余面数</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="77"/>
        <source>Receipts printed</source>
        <translation>已打印凭条数</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="78"/>
        <source>Lines printed</source>
        <translation>已打印行数</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="79"/>
        <source>Frames captured</source>
        <translation>已采集帧数</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="80"/>
        <source>Cards read</source>
        <translation>已读卡次数</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="81"/>
        <source>Payment codes read</source>
        <translation>已读付款码数</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="82"/>
        <source>Invalid payment codes</source>
        <translation>无效付款码数</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="90"/>
        <source>Ribbon</source>
        <translation>色带</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="91"/>
        <source>Card feeder</source>
        <translation>进卡器</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="92"/>
        <source>Cover</source>
        <translation>机盖</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="93"/>
        <source>Card</source>
        <translation>卡片</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="94"/>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="95"/>
        <source>Cutter</source>
        <translation>切刀</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="96"/>
        <source>Security module</source>
        <translation>安全模块</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="97"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="98"/>
        <source>Scanner</source>
        <translation>扫码器</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="99"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="107"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="108"/>
        <source>low</source>
        <translation>不足</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="109"/>
        <source>used up</source>
        <translation>已用完</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="110"/>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="111"/>
        <source>nearly used up</source>
        <translation>即将用完</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="112"/>
        <source>open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="113"/>
        <source>closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="114"/>
        <source>none inside</source>
        <translation>机内无卡</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="115"/>
        <source>held inside</source>
        <translation>卡在机内</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="116"/>
        <source>in the slot</source>
        <translation>在出卡口</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="117"/>
        <source>jammed</source>
        <translation>卡住</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="118"/>
        <source>fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="119"/>
        <location filename="../qml/singletons/MaintTexts.qml" line="332"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="120"/>
        <source>on the reader</source>
        <translation>在阅读器上</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="121"/>
        <source>no card</source>
        <translation>无卡</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="122"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="123"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="124"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="125"/>
        <source>scanning</source>
        <translation>扫码中</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="126"/>
        <source>down</source>
        <translation>断开</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="127"/>
        <source>up</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="130"/>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="131"/>
        <source>a different model</source>
        <translation>型号不符</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="101"/>
        <source>Found instead</source>
        <translation>实际检测到</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="152"/>
        <location filename="../qml/singletons/MaintTexts.qml" line="403"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="160"/>
        <location filename="../qml/singletons/MaintTexts.qml" line="193"/>
        <source>the device did not answer</source>
        <translation>设备无应答</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="162"/>
        <source>the device is not connected</source>
        <translation>设备未连接</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="163"/>
        <source>the device was not opened</source>
        <translation>设备未打开</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="165"/>
        <source>a communication error</source>
        <translation>通信错误</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="166"/>
        <source>no permission to use the device</source>
        <translation>无权使用该设备</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="167"/>
        <source>the device was busy</source>
        <translation>设备忙</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="168"/>
        <source>the command was cancelled</source>
        <translation>命令已取消</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="172"/>
        <source>the device gave an unexpected answer</source>
        <translation>设备应答异常</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="176"/>
        <source>the device refused a command</source>
        <translation>设备拒绝了命令</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="177"/>
        <source>the ribbon is used up</source>
        <translation>色带已用完</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="178"/>
        <source>the card feeder is empty</source>
        <translation>进卡器已空</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="179"/>
        <source>the cover is open</source>
        <translation>机盖打开</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="181"/>
        <source>a card is jammed</source>
        <translation>卡片卡住</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="182"/>
        <source>a card is waiting in the slot</source>
        <translation>出卡口有卡待取</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="183"/>
        <source>the paper is used up</source>
        <translation>纸张已用完</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="185"/>
        <source>the paper is nearly used up</source>
        <translation>纸张即将用完</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="187"/>
        <source>the security module failed</source>
        <translation>安全模块故障</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="188"/>
        <source>no card on the reader</source>
        <translation>阅读器上无卡</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="189"/>
        <source>the card was not lifted from the reader</source>
        <translation>卡片未从阅读器上取下</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="190"/>
        <source>the card could not be read</source>
        <translation>无法读卡</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="191"/>
        <source>the camera is not a video device</source>
        <translation>摄像头不是视频设备</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="192"/>
        <source>the picture was empty</source>
        <translation>画面为空</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="209"/>
        <location filename="../qml/singletons/MaintTexts.qml" line="405"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="224"/>
        <location filename="../qml/singletons/MaintTexts.qml" line="245"/>
        <source>a device error</source>
        <translation>设备错误</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="231"/>
        <source>no answer in time</source>
        <translation>未及时应答</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="232"/>
        <source>not ready</source>
        <translation>未就绪</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="234"/>
        <location filename="../qml/singletons/MaintTexts.qml" line="329"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="235"/>
        <source>not supported</source>
        <translation>不支持</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="236"/>
        <source>invalid data</source>
        <translation>数据无效</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="259"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="274"/>
        <source>kioskd cannot be reached. Check that the kiosk service is running.</source>
        <translation>无法连接 kioskd。请检查自助机服务是否在运行。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="276"/>
        <source>kioskd did not answer in time.</source>
        <translation>kioskd 未及时响应。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="278"/>
        <source>Your maintenance session has ended. Log in again.</source>
        <translation>维护会话已结束，请重新登录。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="280"/>
        <source>This kiosk software does not offer this function yet.</source>
        <translation>本机软件暂不支持此功能。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="282"/>
        <source>The device is offline: %1.</source>
        <translation>设备离线：%1。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="283"/>
        <source>The device is offline.</source>
        <translation>设备离线。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="285"/>
        <source>The device failed: %1.</source>
        <translation>设备故障：%1。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="286"/>
        <source>The device failed.</source>
        <translation>设备故障。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="288"/>
        <source>The device is busy. Try again in a moment.</source>
        <translation>设备忙，请稍后重试。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="291"/>
        <source>A citizen is using the kiosk. Try again when the session has ended.</source>
        <translation>市民正在使用本机，请在业务结束后重试。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="293"/>
        <source>kioskd does not know this device.</source>
        <translation>kioskd 不认识该设备。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="295"/>
        <source>No blank cards are left.</source>
        <translation>空白卡已用完。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="297"/>
        <source>The kiosk&apos;s storage is full.</source>
        <translation>本机存储空间已满。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="299"/>
        <source>kioskd refused the values entered.</source>
        <translation>kioskd 拒绝了输入的值。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="301"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="303"/>
        <source>Too many failed attempts. This user is locked out for a while.</source>
        <translation>失败次数过多，该用户已被暂时锁定。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="305"/>
        <source>The request failed (%1).</source>
        <translation>请求失败（%1）。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="311"/>
        <source>Renewal</source>
        <translation>到期换证</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="312"/>
        <source>Lost licence</source>
        <translation>遗失补证</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="313"/>
        <source>Damaged licence</source>
        <translation>损坏换证</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="315"/>
        <source>Query</source>
        <translation>信息查询</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="325"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="326"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="327"/>
        <source>issued</source>
        <translation>已发证</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="328"/>
        <source>success</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="330"/>
        <source>timed out</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="331"/>
        <source>abandoned</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="333"/>
        <source>declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="334"/>
        <source>error</source>
        <translation>出错</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="352"/>
        <source>Technician logged in</source>
        <translation>技术员登录</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="353"/>
        <source>Technician logged out</source>
        <translation>技术员退出</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="354"/>
        <source>Technician session expired</source>
        <translation>技术员会话超时</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="355"/>
        <source>Failed login</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="356"/>
        <source>Login refused</source>
        <translation>登录被拒绝</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="357"/>
        <source>User locked out</source>
        <translation>用户已锁定</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="358"/>
        <source>Technician accounts updated</source>
        <translation>技术员账户已更新</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="359"/>
        <source>Service state changed</source>
        <translation>服务状态已变更</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="360"/>
        <source>Blank cards loaded</source>
        <translation>已装入空白卡</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="361"/>
        <source>Stock reconciled</source>
        <translation>已核对库存</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="362"/>
        <source>Device self-test</source>
        <translation>设备自检</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="363"/>
        <source>Test print</source>
        <translation>测试打印</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="364"/>
        <source>Upload started</source>
        <translation>已开始上传</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="365"/>
        <source>Transaction viewed</source>
        <translation>已查看业务</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="373"/>
        <source>cards</source>
        <translation>卡数</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="374"/>
        <source>first serial</source>
        <translation>起始序列号</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="375"/>
        <source>last serial</source>
        <translation>结束序列号</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="376"/>
        <source>difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="377"/>
        <source>mismatch</source>
        <translation>不符</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="378"/>
        <source>out of service</source>
        <translation>停止服务</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="379"/>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="380"/>
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="381"/>
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="382"/>
        <source>printer counter</source>
        <translation>打印机计数</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="383"/>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="384"/>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="385"/>
        <source>failures</source>
        <translation>失败次数</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="386"/>
        <source>transaction</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="399"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../qml/singletons/MaintTexts.qml" line="399"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>MaintTxnRow</name>
    <message>
        <location filename="../qml/maintenance/MaintTxnRow.qml" line="27"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/MaintTxnRow.qml" line="38"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/MaintTxnRow.qml" line="49"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/MaintTxnRow.qml" line="61"/>
        <source>Finished</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/MaintTxnRow.qml" line="75"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>MaintenanceShellForm.ui</name>
    <message>
        <location filename="../qml/maintenance/MaintenanceShellForm.ui.qml" line="20"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/MaintenanceShellForm.ui.qml" line="20"/>
        <source>Supplies</source>
        <translation>耗材</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/MaintenanceShellForm.ui.qml" line="20"/>
        <source>Transactions</source>
        <translation>业务记录</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/MaintenanceShellForm.ui.qml" line="21"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/MaintenanceShellForm.ui.qml" line="21"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/MaintenanceShellForm.ui.qml" line="21"/>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/MaintenanceShellForm.ui.qml" line="52"/>
        <source>Kiosk24 maintenance</source>
        <translation>Kiosk24 维护</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/MaintenanceShellForm.ui.qml" line="59"/>
        <source>Kiosk %1 · signed in as %2</source>
        <translation>自助机 %1 · 登录用户 %2</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/MaintenanceShellForm.ui.qml" line="60"/>
        <source>Kiosk %1</source>
        <translation>自助机 %1</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/MaintenanceShellForm.ui.qml" line="70"/>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>NoConnectionScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/NoConnectionScreenForm.ui.qml" line="12"/>
        <source>The kiosk is getting ready</source>
        <translation>设备正在准备中</translation>
    </message>
    <message>
        <location filename="../qml/screens/NoConnectionScreenForm.ui.qml" line="13"/>
        <source>The kiosk is starting up or reconnecting. This screen will change by itself in a moment.</source>
        <translation>设备正在启动或重新连接，稍后将自动恢复，无需操作。</translation>
    </message>
    <message>
        <location filename="../qml/screens/NoConnectionScreenForm.ui.qml" line="20"/>
        <source>If this takes more than a few minutes, please ask staff at the service counter.</source>
        <translation>如等待超过几分钟，请咨询人工服务窗口的工作人员。</translation>
    </message>
</context>
<context>
    <name>OutcomeCard</name>
    <message>
        <location filename="../qml/components/flow/OutcomeCard.qml" line="54"/>
        <source>Transaction reference</source>
        <translation>业务编号</translation>
    </message>
    <message>
        <location filename="../qml/components/flow/OutcomeCard.qml" line="66"/>
        <source>Quote it at the service counter if you need help with this service.</source>
        <translation>如需就本次业务寻求帮助，请在服务窗口出示此编号。</translation>
    </message>
    <message>
        <location filename="../qml/components/flow/OutcomeCard.qml" line="89"/>
        <source>Also on your receipt</source>
        <translation>凭条上也印有此码</translation>
    </message>
</context>
<context>
    <name>PaymentDeclinedScreen</name>
    <message>
        <location filename="../qml/screens/PaymentDeclinedScreen.qml" line="24"/>
        <source>Your wallet does not have enough money</source>
        <translation>账户余额不足</translation>
    </message>
    <message>
        <location filename="../qml/screens/PaymentDeclinedScreen.qml" line="25"/>
        <source>The payment code had expired</source>
        <translation>付款码已过期</translation>
    </message>
    <message>
        <location filename="../qml/screens/PaymentDeclinedScreen.qml" line="26"/>
        <source>Your wallet provider stopped this payment</source>
        <translation>支付机构拦截了本次支付</translation>
    </message>
    <message>
        <location filename="../qml/screens/PaymentDeclinedScreen.qml" line="29"/>
        <source>The payment service did not answer</source>
        <translation>支付服务未响应</translation>
    </message>
    <message>
        <location filename="../qml/screens/PaymentDeclinedScreen.qml" line="30"/>
        <source>Your wallet provider declined the payment</source>
        <translation>支付机构拒绝了本次支付</translation>
    </message>
    <message>
        <location filename="../qml/screens/PaymentDeclinedScreen.qml" line="36"/>
        <source>Top up your wallet or choose another bank card in the app, then try again.</source>
        <translation>请为账户充值或在应用中更换银行卡，然后重试。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PaymentDeclinedScreen.qml" line="38"/>
        <source>Payment codes change every minute. Refresh the code in your wallet app and try again.</source>
        <translation>付款码每分钟更新一次。请在支付应用中刷新付款码后重试。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PaymentDeclinedScreen.qml" line="40"/>
        <source>Check your wallet app for a message, or try again with another wallet or card.</source>
        <translation>请查看支付应用中的提示，或换用其他钱包或银行卡重试。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PaymentDeclinedScreen.qml" line="44"/>
        <source>Please wait a moment and try again.</source>
        <translation>请稍候再试。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PaymentDeclinedScreen.qml" line="46"/>
        <source>Try again, or use another wallet or bank card.</source>
        <translation>请重试，或换用其他钱包或银行卡。</translation>
    </message>
</context>
<context>
    <name>PaymentDeclinedScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/PaymentDeclinedScreenForm.ui.qml" line="17"/>
        <source>The payment did not go through</source>
        <translation>支付未成功</translation>
    </message>
    <message>
        <location filename="../qml/screens/PaymentDeclinedScreenForm.ui.qml" line="18"/>
        <source>You have not been charged.</source>
        <translation>您未被扣款。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PaymentDeclinedScreenForm.ui.qml" line="42"/>
        <source>Amount to pay</source>
        <translation>应付金额</translation>
    </message>
    <message>
        <location filename="../qml/screens/PaymentDeclinedScreenForm.ui.qml" line="61"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../qml/screens/PaymentDeclinedScreenForm.ui.qml" line="68"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>PaymentScreen</name>
    <message>
        <location filename="../qml/screens/PaymentScreen.qml" line="20"/>
        <source>Pay the fee: scan the code with your phone, or show your payment code to the scanner.</source>
        <translation>请缴费：用手机扫描二维码，或向扫码窗口出示付款码。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PaymentScreen.qml" line="28"/>
        <source>Pay the fee</source>
        <translation>缴纳费用</translation>
    </message>
    <message>
        <location filename="../qml/screens/PaymentScreen.qml" line="29"/>
        <source>Choose one of the two ways below.</source>
        <translation>请任选以下一种方式支付。</translation>
    </message>
</context>
<context>
    <name>PaymentScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/PaymentScreenForm.ui.qml" line="34"/>
        <source>Pay the fee</source>
        <translation>缴纳费用</translation>
    </message>
    <message>
        <location filename="../qml/screens/PaymentScreenForm.ui.qml" line="45"/>
        <location filename="../qml/screens/PaymentScreenForm.ui.qml" line="168"/>
        <source>Amount to pay</source>
        <translation>应付金额</translation>
    </message>
    <message>
        <location filename="../qml/screens/PaymentScreenForm.ui.qml" line="70"/>
        <source>Scan this code with your phone</source>
        <translation>用手机扫描此二维码</translation>
    </message>
    <message>
        <location filename="../qml/screens/PaymentScreenForm.ui.qml" line="96"/>
        <source>Open Alipay or WeChat, choose Scan and point the camera at the code.</source>
        <translation>打开支付宝或微信，点击“扫一扫”，对准此二维码。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PaymentScreenForm.ui.qml" line="109"/>
        <source>Or show your payment code</source>
        <translation>或出示付款码</translation>
    </message>
    <message>
        <location filename="../qml/screens/PaymentScreenForm.ui.qml" line="127"/>
        <source>Open the payment code in your wallet app and hold the phone over the scanner below the screen, on the right.</source>
        <translation>在支付应用中打开付款码，将手机对准屏幕下方右侧的扫码窗口。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PaymentScreenForm.ui.qml" line="144"/>
        <source>Waiting for your payment…</source>
        <translation>正在等待支付…</translation>
    </message>
    <message>
        <location filename="../qml/screens/PaymentScreenForm.ui.qml" line="155"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PendingPage</name>
    <message>
        <location filename="../qml/components/PendingPage.qml" line="8"/>
        <source>One moment, please</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../qml/components/PendingPage.qml" line="9"/>
        <source>The kiosk is preparing the next step.</source>
        <translation>设备正在准备下一步。</translation>
    </message>
</context>
<context>
    <name>PhotoReviewScreen</name>
    <message>
        <location filename="../qml/screens/PhotoReviewScreen.qml" line="30"/>
        <source>The photo is too dark</source>
        <translation>照片过暗</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreen.qml" line="31"/>
        <source>The photo is too bright</source>
        <translation>照片过亮</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreen.qml" line="32"/>
        <source>The photo is not clear enough</source>
        <translation>照片不够清晰</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreen.qml" line="33"/>
        <source>No face could be seen</source>
        <translation>没有拍到人脸</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreen.qml" line="34"/>
        <source>The photo cannot be used</source>
        <translation>照片无法使用</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreen.qml" line="40"/>
        <source>Move a little closer to the screen so its light falls on your face, and keep your face uncovered.</source>
        <translation>请稍微靠近屏幕，让光线照到脸上，并露出完整面部。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreen.qml" line="42"/>
        <source>Step back a little and avoid bright light shining straight onto your face.</source>
        <translation>请稍微后退，避免强光直射面部。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreen.qml" line="44"/>
        <source>Keep still, take off a hat or glasses, and look straight into the camera.</source>
        <translation>请保持不动，摘下帽子或眼镜，正视摄像头。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreen.qml" line="46"/>
        <source>Stand in front of the screen, look into the camera above it and keep your face inside the outline.</source>
        <translation>请站在屏幕正前方，看向屏幕上方的摄像头，让面部保持在轮廓内。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreen.qml" line="48"/>
        <source>Please take the photo again.</source>
        <translation>请重新拍照。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreen.qml" line="57"/>
        <source>Let&apos;s take that again</source>
        <translation>请重新拍一张</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreen.qml" line="57"/>
        <source>Is this photo good?</source>
        <translation>这张照片可以吗？</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreen.qml" line="58"/>
        <source>This photo will be printed on your new licence.</source>
        <translation>这张照片将印在您的新驾驶证上。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreen.qml" line="64"/>
        <source>Photo %1 · no retake left</source>
        <translation>第 %1 张 · 已无重拍机会</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreen.qml" line="65"/>
        <source>Photo %1 · 1 retake left</source>
        <translation>第 %1 张 · 还可重拍 1 次</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreen.qml" line="66"/>
        <source>Photo %1 · %2 retakes left</source>
        <translation>第 %1 张 · 还可重拍 %2 次</translation>
    </message>
</context>
<context>
    <name>PhotoReviewScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/PhotoReviewScreenForm.ui.qml" line="72"/>
        <source>Please check</source>
        <translation>请确认</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreenForm.ui.qml" line="76"/>
        <source>Your whole face is visible and in focus</source>
        <translation>整张脸清晰可见</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreenForm.ui.qml" line="77"/>
        <source>Your eyes are open and you look at the camera</source>
        <translation>双眼睁开并看向摄像头</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreenForm.ui.qml" line="78"/>
        <source>No hat, sunglasses or strong shadows</source>
        <translation>没有帽子、墨镜或明显阴影</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreenForm.ui.qml" line="102"/>
        <source>That was the last try. Please ask the staff for help.</source>
        <translation>已是最后一次机会，请联系工作人员协助。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreenForm.ui.qml" line="103"/>
        <source>This was your last try: please accept this photo to continue.</source>
        <translation>这是最后一次拍照机会，请使用这张照片继续办理。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreenForm.ui.qml" line="115"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreenForm.ui.qml" line="123"/>
        <source>Retake</source>
        <translation>重拍</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReviewScreenForm.ui.qml" line="131"/>
        <source>Use this photo</source>
        <translation>使用这张照片</translation>
    </message>
</context>
<context>
    <name>PrintingScreen</name>
    <message>
        <location filename="../qml/screens/PrintingScreen.qml" line="21"/>
        <source>This takes about a minute</source>
        <translation>大约需要一分钟</translation>
    </message>
    <message>
        <location filename="../qml/screens/PrintingScreen.qml" line="23"/>
        <source>Almost done…</source>
        <translation>马上就好…</translation>
    </message>
    <message>
        <location filename="../qml/screens/PrintingScreen.qml" line="25"/>
        <source>About 1 second left</source>
        <translation>大约还需 1 秒</translation>
    </message>
    <message>
        <location filename="../qml/screens/PrintingScreen.qml" line="27"/>
        <source>About %1 seconds left</source>
        <translation>大约还需 %1 秒</translation>
    </message>
    <message>
        <location filename="../qml/screens/PrintingScreen.qml" line="28"/>
        <source>About %1 minutes left</source>
        <translation>大约还需 %1 分钟</translation>
    </message>
    <message>
        <location filename="../qml/screens/PrintingScreen.qml" line="36"/>
        <source>Attempt %1: the first card could not be used and was set aside. You are not charged again.</source>
        <translation>第 %1 次制卡：上一张卡片未能使用，已被留存。不会重复收费。</translation>
    </message>
</context>
<context>
    <name>PrintingScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/PrintingScreenForm.ui.qml" line="13"/>
        <source>Your new licence is being printed</source>
        <translation>正在制作您的新驾驶证</translation>
    </message>
    <message>
        <location filename="../qml/screens/PrintingScreenForm.ui.qml" line="14"/>
        <source>Please stay at the kiosk. Your ID card stays on the reader until the end.</source>
        <translation>请不要离开。办理结束前，身份证请保持放在读卡区。</translation>
    </message>
</context>
<context>
    <name>ReturnOldCardScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/ReturnOldCardScreenForm.ui.qml" line="14"/>
        <source>Put your old licence into the return slot</source>
        <translation>请将旧驾驶证放入回收卡口</translation>
    </message>
    <message>
        <location filename="../qml/screens/ReturnOldCardScreenForm.ui.qml" line="15"/>
        <source>The damaged card is collected by the kiosk and destroyed by the office.</source>
        <translation>损坏的旧证由本机回收，并由车管所统一销毁。</translation>
    </message>
    <message>
        <location filename="../qml/screens/ReturnOldCardScreenForm.ui.qml" line="22"/>
        <source>1. Find the slot marked 回收 / Return, below the screen on the left.</source>
        <translation>1. 找到屏幕下方左侧标有“回收 / Return”的卡口。</translation>
    </message>
    <message>
        <location filename="../qml/screens/ReturnOldCardScreenForm.ui.qml" line="26"/>
        <source>2. Push the card in, picture side up, until it is taken in.</source>
        <translation>2. 照片面朝上插入旧证，直到机器将其吸入。</translation>
    </message>
    <message>
        <location filename="../qml/screens/ReturnOldCardScreenForm.ui.qml" line="30"/>
        <source>3. Then press &quot;I have put it in&quot;.</source>
        <translation>3. 然后点击“我已放入”。</translation>
    </message>
    <message>
        <location filename="../qml/screens/ReturnOldCardScreenForm.ui.qml" line="44"/>
        <source>Card return slot</source>
        <translation>回收卡口</translation>
    </message>
    <message>
        <location filename="../qml/screens/ReturnOldCardScreenForm.ui.qml" line="67"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../qml/screens/ReturnOldCardScreenForm.ui.qml" line="74"/>
        <source>I have put it in</source>
        <translation>我已放入</translation>
    </message>
</context>
<context>
    <name>ServicePage</name>
    <message>
        <location filename="../qml/maintenance/ServicePage.qml" line="43"/>
        <source>The kiosk is now out of service.</source>
        <translation>自助机已暂停服务。</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/ServicePage.qml" line="44"/>
        <source>The kiosk is back in service.</source>
        <translation>自助机已恢复服务。</translation>
    </message>
</context>
<context>
    <name>ServicePageForm.ui</name>
    <message>
        <location filename="../qml/maintenance/ServicePageForm.ui.qml" line="25"/>
        <source>Kiosk service</source>
        <translation>自助机服务状态</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/ServicePageForm.ui.qml" line="48"/>
        <source>Out of service</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/ServicePageForm.ui.qml" line="48"/>
        <source>In service</source>
        <translation>正常服务</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/ServicePageForm.ui.qml" line="58"/>
        <source>Citizens cannot start a session. Reason: %1</source>
        <translation>市民无法办理业务。原因：%1</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/ServicePageForm.ui.qml" line="59"/>
        <source>Citizens cannot start a session.</source>
        <translation>市民无法办理业务。</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/ServicePageForm.ui.qml" line="60"/>
        <source>Citizens can start sessions.</source>
        <translation>市民可以办理业务。</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/ServicePageForm.ui.qml" line="70"/>
        <location filename="../qml/maintenance/ServicePageForm.ui.qml" line="97"/>
        <source>Return to service</source>
        <translation>恢复服务</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/ServicePageForm.ui.qml" line="70"/>
        <location filename="../qml/maintenance/ServicePageForm.ui.qml" line="97"/>
        <source>Take out of service</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/ServicePageForm.ui.qml" line="74"/>
        <source>A session in progress is allowed to finish; then the kiosk shows the out-of-service screen.</source>
        <translation>正在进行的业务可以完成，之后本机显示暂停服务画面。</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/ServicePageForm.ui.qml" line="84"/>
        <source>Reason (recorded in the audit log)</source>
        <translation>原因（记入审计日志）</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/ServicePageForm.ui.qml" line="85"/>
        <source>e.g. ribbon replaced</source>
        <translation>例如：色带已更换</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/ServicePageForm.ui.qml" line="85"/>
        <source>e.g. ribbon change</source>
        <translation>例如：更换色带</translation>
    </message>
</context>
<context>
    <name>StepIndicator</name>
    <message>
        <location filename="../qml/components/StepIndicator.qml" line="22"/>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
</context>
<context>
    <name>SuppliesPage</name>
    <message>
        <location filename="../qml/maintenance/SuppliesPage.qml" line="23"/>
        <source>Enter the number of cards (a whole number above zero).</source>
        <translation>请输入卡片数量（大于零的整数）。</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SuppliesPage.qml" line="27"/>
        <source>Enter the first and the last serial number.</source>
        <translation>请输入首张和末张卡的序列号。</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SuppliesPage.qml" line="55"/>
        <source>Loaded %1 cards (%2 to %3).</source>
        <translation>已装入 %1 张卡（%2 至 %3）。</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SuppliesPage.qml" line="65"/>
        <source>Stock reconciles: printer counter %1, journal %2.</source>
        <translation>库存核对一致：制卡机计数 %1，日志 %2。</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SuppliesPage.qml" line="66"/>
        <source>Mismatch of %1 card(s): printer counter %2, journal %3. Check the feeder and the reject bin.</source>
        <translation>相差 %1 张卡：制卡机计数 %2，日志 %3。请检查进卡器和废卡箱。</translation>
    </message>
</context>
<context>
    <name>SuppliesPageForm.ui</name>
    <message>
        <location filename="../qml/maintenance/SuppliesPageForm.ui.qml" line="32"/>
        <source>Supplies and card stock</source>
        <translation>耗材与卡片库存</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SuppliesPageForm.ui.qml" line="47"/>
        <source>Blank cards</source>
        <translation>空白卡</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SuppliesPageForm.ui.qml" line="56"/>
        <source>Remaining</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SuppliesPageForm.ui.qml" line="61"/>
        <source>Loaded</source>
        <translation>已装入</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SuppliesPageForm.ui.qml" line="66"/>
        <source>Issued</source>
        <translation>已发放</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SuppliesPageForm.ui.qml" line="71"/>
        <source>Spoiled</source>
        <translation>已报废</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SuppliesPageForm.ui.qml" line="76"/>
        <source>Retained</source>
        <translation>已回收</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SuppliesPageForm.ui.qml" line="81"/>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SuppliesPageForm.ui.qml" line="89"/>
        <source>Load blank cards</source>
        <translation>装入空白卡</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SuppliesPageForm.ui.qml" line="92"/>
        <source>Enter the number of cards placed in the feeder and the serial numbers printed on the first and the last card.</source>
        <translation>请输入放入进卡器的卡片数量，以及首张和末张卡上印的序列号。</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SuppliesPageForm.ui.qml" line="108"/>
        <source>Number of cards</source>
        <translation>卡片数量</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SuppliesPageForm.ui.qml" line="116"/>
        <source>First serial</source>
        <translation>首张序列号</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SuppliesPageForm.ui.qml" line="124"/>
        <source>Last serial</source>
        <translation>末张序列号</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SuppliesPageForm.ui.qml" line="138"/>
        <source>Load cards</source>
        <translation>装卡</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SuppliesPageForm.ui.qml" line="144"/>
        <source>Reconcile</source>
        <translation>核对</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SuppliesPageForm.ui.qml" line="147"/>
        <source>Compares the card printer&apos;s counter with the cards the journal has used.</source>
        <translation>将制卡机计数器与日志记录的用卡数进行核对。</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SuppliesPageForm.ui.qml" line="162"/>
        <source>Reconcile now</source>
        <translation>立即核对</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../qml/maintenance/SyncPage.qml" line="88"/>
        <source>Upload started.</source>
        <translation>已开始上传。</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPage.qml" line="57"/>
        <source>No central office configured</source>
        <translation>未配置中心</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPage.qml" line="38"/>
        <source>central did not answer in time</source>
        <translation>中心未及时响应</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPage.qml" line="39"/>
        <source>central cannot be reached</source>
        <translation>无法连接中心</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPage.qml" line="40"/>
        <source>the secure connection to central failed</source>
        <translation>与中心的安全连接失败</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPage.qml" line="41"/>
        <source>paused after repeated failures</source>
        <translation>多次失败后暂停</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPage.qml" line="42"/>
        <source>central refused the records</source>
        <translation>中心拒收记录</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPage.qml" line="43"/>
        <source>central reported an internal error</source>
        <translation>中心报告内部错误</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPage.qml" line="44"/>
        <source>central&apos;s answer could not be read</source>
        <translation>无法读取中心的应答</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPage.qml" line="45"/>
        <source>the outbox could not be read</source>
        <translation>无法读取待上传队列</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPage.qml" line="46"/>
        <source>the upload was cancelled</source>
        <translation>上传已取消</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPage.qml" line="48"/>
        <source>upload failed (%1)</source>
        <translation>上传失败（%1）</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPage.qml" line="58"/>
        <source>Uploading</source>
        <translation>正在上传</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPage.qml" line="59"/>
        <source>Waiting to upload</source>
        <translation>等待上传</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPage.qml" line="60"/>
        <source>Up to date</source>
        <translation>已是最新</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPage.qml" line="35"/>
        <location filename="../qml/maintenance/SyncPage.qml" line="68"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPage.qml" line="71"/>
        <source>Closed (central reachable)</source>
        <translation>闭合（中心可达）</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPage.qml" line="72"/>
        <source>Open (central unreachable)</source>
        <translation>断开（中心不可达）</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPage.qml" line="73"/>
        <source>Half-open (retrying)</source>
        <translation>半开（重试中）</translation>
    </message>
</context>
<context>
    <name>SyncPageForm.ui</name>
    <message>
        <location filename="../qml/maintenance/SyncPageForm.ui.qml" line="37"/>
        <source>Synchronisation</source>
        <translation>数据同步</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPageForm.ui.qml" line="45"/>
        <source>Journal records waiting for the central office.</source>
        <translation>等待上传到中心的日志记录。</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPageForm.ui.qml" line="55"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPageForm.ui.qml" line="61"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPageForm.ui.qml" line="77"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPageForm.ui.qml" line="84"/>
        <source>Outbox depth</source>
        <translation>待上传记录数</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPageForm.ui.qml" line="89"/>
        <source>Last acknowledged</source>
        <translation>最后确认序号</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPageForm.ui.qml" line="94"/>
        <source>Last success</source>
        <translation>最近成功</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPageForm.ui.qml" line="99"/>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/SyncPageForm.ui.qml" line="105"/>
        <source>Circuit to central</source>
        <translation>与中心的熔断状态</translation>
    </message>
</context>
<context>
    <name>TakeCardScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/TakeCardScreenForm.ui.qml" line="10"/>
        <source>Please take your new licence</source>
        <translation>请取走您的新驾驶证</translation>
    </message>
    <message>
        <location filename="../qml/screens/TakeCardScreenForm.ui.qml" line="11"/>
        <source>It is in the card slot below the screen.</source>
        <translation>新证在屏幕下方的出卡口。</translation>
    </message>
    <message>
        <location filename="../qml/screens/TakeCardScreenForm.ui.qml" line="21"/>
        <source>Your receipt is printing</source>
        <translation>正在打印凭条</translation>
    </message>
    <message>
        <location filename="../qml/screens/TakeCardScreenForm.ui.qml" line="26"/>
        <source>Take it from the receipt slot on the right, under the scanner.</source>
        <translation>请从右侧扫码窗口下方的凭条口取走。</translation>
    </message>
    <message>
        <location filename="../qml/screens/TakeCardScreenForm.ui.qml" line="40"/>
        <source>Card slot</source>
        <translation>出卡口</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="32"/>
        <source>Licence renewal</source>
        <translation>驾驶证换领</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="33"/>
        <source>Replacement of a lost licence</source>
        <translation>驾驶证遗失补领</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="34"/>
        <source>Replacement of a damaged licence</source>
        <translation>驾驶证损毁换领</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="36"/>
        <source>Licence information</source>
        <translation>驾驶证信息查询</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="66"/>
        <source>The service was cancelled</source>
        <translation>业务已取消</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="67"/>
        <source>The session ended because there was no activity</source>
        <translation>长时间无操作，本次办理已结束</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="68"/>
        <source>A different ID card was placed on the reader</source>
        <translation>读卡区上放置了另一张身份证</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="69"/>
        <source>Your ID card could not be read</source>
        <translation>无法读取您的身份证</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="70"/>
        <location filename="../qml/singletons/Texts.qml" line="267"/>
        <source>The licence office cannot be reached</source>
        <translation>暂时无法连接车管所</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="71"/>
        <source>We could not confirm that it is you</source>
        <translation>未能确认是您本人</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="72"/>
        <source>The face check could not be done</source>
        <translation>无法完成人脸核验</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="73"/>
        <source>This service is not available for your licence</source>
        <translation>您的驾驶证暂不能办理此业务</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="74"/>
        <source>No usable licence photo could be taken</source>
        <translation>未能拍摄到合格的驾驶证照片</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="75"/>
        <source>The payment could not be started</source>
        <translation>无法发起缴费</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="76"/>
        <source>Your payment was declined</source>
        <translation>您的支付未成功</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="77"/>
        <source>We could not confirm your payment</source>
        <translation>暂时无法确认您的支付结果</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="78"/>
        <source>The licence office did not approve the new card</source>
        <translation>车管所未批准制发新证</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="79"/>
        <source>Your card could not be printed</source>
        <translation>未能打印您的驾驶证</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="80"/>
        <source>Your card could not be produced</source>
        <translation>未能制作您的驾驶证</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="81"/>
        <source>Your new card was kept by the kiosk</source>
        <translation>您的新驾驶证已被设备回收保管</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="82"/>
        <source>A part of the kiosk stopped working</source>
        <translation>设备部件发生故障</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="83"/>
        <source>The kiosk had to stop</source>
        <translation>设备已暂停办理</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="84"/>
        <source>The kiosk was restarted</source>
        <translation>设备已重新启动</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="86"/>
        <source>The service stopped</source>
        <translation>业务已中止</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="93"/>
        <source>You stopped the service. Your details have been cleared from the kiosk.</source>
        <translation>您已取消办理，您的信息已从本机清除。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="95"/>
        <source>For your privacy, the kiosk ended the service and cleared your details.</source>
        <translation>为保护您的隐私，本机已结束办理并清除了您的信息。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="97"/>
        <source>For your security the service was stopped. Only the ID card of the person being served may be on the reader.</source>
        <translation>为保障您的安全，业务已中止。读卡区上只能放置办理人本人的身份证。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="99"/>
        <source>The reader tried three times without success. The card may be dirty, bent or damaged.</source>
        <translation>读卡器已尝试读取三次均未成功。证件可能有污渍、弯折或损坏。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="101"/>
        <source>The kiosk could not get an answer from the licence office system. This is a temporary problem on our side.</source>
        <translation>本机未能收到车管所系统的响应。这是我们一方的临时问题。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="103"/>
        <source>Your face did not match the photo on your ID card. Strong light, glasses, a hat or a mask can cause this.</source>
        <translation>您的面部与身份证照片不一致。强光、眼镜、帽子或口罩都可能导致这种情况。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="105"/>
        <source>The licence office could not check the photo that was taken.</source>
        <translation>车管所无法核验所拍摄的照片。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="107"/>
        <source>The licence records show the following:</source>
        <translation>驾驶证档案显示以下情况：</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="110"/>
        <source>After several attempts the photo still did not meet the requirements for a licence photo.</source>
        <translation>多次拍摄后，照片仍不符合驾驶证照片的要求。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="111"/>
        <source>The last photo still did not meet the requirements: %1</source>
        <translation>最后一张照片仍不符合要求：%1</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="113"/>
        <source>The payment order could not be created at the licence office.</source>
        <translation>车管所未能创建缴费订单。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="115"/>
        <source>The payment was declined three times, so the service stopped.</source>
        <translation>支付连续三次未成功，业务已中止。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="117"/>
        <source>The payment service did not tell us whether your payment went through. The transaction will be settled automatically.</source>
        <translation>支付机构未返回您的支付结果。该笔交易将自动处理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="119"/>
        <source>The licence office refused to issue the card at the last check.</source>
        <translation>车管所在最终审核时未批准制发驾驶证。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="121"/>
        <source>The card printer has a problem, so your card could not be made. This kiosk is now out of service.</source>
        <translation>制证打印机出现故障，未能制作您的驾驶证。本机已暂停服务。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="123"/>
        <source>The card layout could not be prepared, so no card was printed.</source>
        <translation>证件版面生成失败，未打印任何证件。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="125"/>
        <source>The card was not taken from the slot in time, so the kiosk kept it safely inside. The licence office holds it for you.</source>
        <translation>证件未在规定时间内从出证口取走，已由设备安全回收。车管所将为您保管。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="128"/>
        <source>The camera stopped working, so the service could not continue.</source>
        <translation>摄像头发生故障，业务无法继续。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="130"/>
        <source>The payment scanner stopped working, so the service could not continue.</source>
        <translation>扫码支付设备发生故障，业务无法继续。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="131"/>
        <source>A device did not respond, so the service could not continue.</source>
        <translation>设备无响应，业务无法继续。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="133"/>
        <source>The kiosk could not safely record your service, so it stopped before doing anything more.</source>
        <translation>本机无法安全记录您的业务，已停止后续操作。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="135"/>
        <source>The service was interrupted because the kiosk restarted.</source>
        <translation>设备重新启动，业务已中断。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="137"/>
        <source>The service could not be completed.</source>
        <translation>业务未能完成。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="143"/>
        <source>the photo was too dark.</source>
        <translation>照片过暗。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="144"/>
        <source>the photo was too bright.</source>
        <translation>照片过亮。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="145"/>
        <source>the photo was not clear enough.</source>
        <translation>照片不够清晰。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="146"/>
        <source>no face was seen.</source>
        <translation>未检测到人脸。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="148"/>
        <source>the photo was not usable.</source>
        <translation>照片无法使用。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="156"/>
        <source>Take your ID card from the reader.</source>
        <translation>请从读卡区取回您的身份证。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="157"/>
        <source>You can start again at any time.</source>
        <translation>您可以随时重新办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="159"/>
        <source>Take the ID cards from the reader.</source>
        <translation>请取回读卡区上的身份证。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="160"/>
        <source>Start again with only your own ID card on the reader.</source>
        <translation>请只放置本人身份证，重新办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="162"/>
        <source>Take your ID card and wipe it clean.</source>
        <translation>请取回身份证并擦拭干净。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="163"/>
        <source>Try again, placing it flat on the reader.</source>
        <translation>重新办理，将证件平放在读卡区。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="164"/>
        <source>If it still cannot be read, staff at the service counter can help.</source>
        <translation>如仍无法读取，请到人工服务窗口办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="166"/>
        <location filename="../qml/singletons/Texts.qml" line="180"/>
        <source>Please try again in a few minutes.</source>
        <translation>请几分钟后再试。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="167"/>
        <source>Or go to the service counter, where staff can help you.</source>
        <translation>或前往人工服务窗口，由工作人员为您办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="169"/>
        <source>Try again without glasses, hat or mask, facing the camera.</source>
        <translation>请摘下眼镜、帽子或口罩，正对摄像头重新办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="170"/>
        <source>Or ask staff at the service counter to check your identity.</source>
        <translation>或请人工服务窗口的工作人员核验您的身份。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="172"/>
        <source>Please try again.</source>
        <translation>请重新办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="173"/>
        <source>If it happens again, staff at the service counter can help.</source>
        <translation>如再次出现，请到人工服务窗口办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="175"/>
        <source>Please go to the service counter. Staff can explain your situation and what to do.</source>
        <translation>请前往人工服务窗口，工作人员会为您说明情况及办理方法。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="177"/>
        <source>Staff at the service counter can take your licence photo.</source>
        <translation>人工服务窗口可为您拍摄驾驶证照片。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="178"/>
        <source>You can also try again later in better light.</source>
        <translation>您也可以稍后在光线较好时重新办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="181"/>
        <source>Or pay at the service counter.</source>
        <translation>或到人工服务窗口缴费办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="183"/>
        <source>Check your payment app or balance, or use another payment app.</source>
        <translation>请检查支付应用或账户余额，或换用其他支付应用。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="184"/>
        <source>Then start again, or pay at the service counter.</source>
        <translation>然后重新办理，或到人工服务窗口缴费。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="186"/>
        <source>Keep the payment record in your payment app.</source>
        <translation>请保留支付应用中的付款记录。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="187"/>
        <source>Staff at the service counter can check the payment for you.</source>
        <translation>人工服务窗口的工作人员可为您查询支付情况。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="191"/>
        <source>Please go to the service counter. Staff can complete your service.</source>
        <translation>请前往人工服务窗口，工作人员会为您继续办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="194"/>
        <source>Please use another kiosk or go to the service counter.</source>
        <translation>请使用其他自助设备，或前往人工服务窗口。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="195"/>
        <source>Staff have been notified.</source>
        <translation>已通知工作人员。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="197"/>
        <source>Go to the service counter with your ID card to collect your new licence.</source>
        <translation>请携带身份证到人工服务窗口领取您的新驾驶证。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="199"/>
        <source>Please start again in a moment.</source>
        <translation>请稍后重新办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="200"/>
        <source>If you had already paid, staff at the service counter can check it.</source>
        <translation>如您已付款，人工服务窗口可为您查询。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="202"/>
        <source>Please go to the service counter for help.</source>
        <translation>请前往人工服务窗口寻求帮助。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="223"/>
        <source>You have not been charged.</source>
        <translation>本次未收取任何费用。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="225"/>
        <source>You paid %1.</source>
        <translation>您已支付 %1。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="228"/>
        <source>Your payment of %1 has been refunded to the account you paid from (refund reference %2). It can take a few working days to arrive.</source>
        <translation>您支付的 %1 已原路退回至支付账户（退款编号 %2），到账可能需要几个工作日。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="229"/>
        <source>Your payment of %1 has been refunded to the account you paid from. It can take a few working days to arrive.</source>
        <translation>您支付的 %1 已原路退回至支付账户，到账可能需要几个工作日。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="232"/>
        <source>Any money taken for this service (%1) will be refunded automatically to the account you paid from. Refund reference: %2.</source>
        <translation>本次业务如已扣款（%1），将自动原路退回至支付账户。退款编号：%2。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="233"/>
        <source>Any money taken for this service (%1) will be refunded automatically to the account you paid from.</source>
        <translation>本次业务如已扣款（%1），将自动原路退回至支付账户。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="242"/>
        <source>The address was not accepted: it is incomplete. Choose the street and type the house number.</source>
        <translation>地址未被接受：地址不完整。请选择街道并输入门牌号。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="243"/>
        <source>The address was not accepted: it is too long to print on the licence.</source>
        <translation>地址未被接受：地址过长，无法印在驾驶证上。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="245"/>
        <source>The address was not accepted. Please choose it again.</source>
        <translation>地址未被接受，请重新选择。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="260"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="266"/>
        <source>This kiosk is out of service</source>
        <translation>本机暂停服务</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="268"/>
        <source>This kiosk has run out of licence cards</source>
        <translation>本机驾驶证卡片已用完</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="269"/>
        <source>This service is not available at this kiosk right now</source>
        <translation>本机暂时无法办理此项业务</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="269"/>
        <source>This kiosk cannot take new services</source>
        <translation>本机暂时无法受理新业务</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="271"/>
        <source>The service cannot start right now</source>
        <translation>暂时无法开始办理</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="277"/>
        <source>The kiosk needs maintenance. Staff have been notified.</source>
        <translation>设备需要维护，已通知工作人员。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="278"/>
        <source>The kiosk cannot connect to the licence office system. This is usually resolved within minutes.</source>
        <translation>设备无法连接车管所系统，通常几分钟内即可恢复。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="279"/>
        <source>No new cards can be printed until staff refill the kiosk.</source>
        <translation>工作人员补充卡片前，本机无法制作新证。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="281"/>
        <source>One of the kiosk&apos;s devices is not connected. Staff have been notified; please try again later or use the service counter.</source>
        <translation>本机有设备未连接，已通知工作人员；请稍后再试或前往窗口办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="280"/>
        <source>The kiosk cannot safely record services at the moment. Staff have been notified.</source>
        <translation>设备暂时无法安全记录业务，已通知工作人员。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="282"/>
        <source>Please try again later.</source>
        <translation>请稍后再试。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="288"/>
        <source>This service is currently not offered at self-service kiosks.</source>
        <translation>该业务目前暂不支持自助办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="289"/>
        <source>The driving licence has been revoked.</source>
        <translation>驾驶证已被吊销。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="290"/>
        <source>The driving licence is suspended.</source>
        <translation>驾驶证处于暂扣状态。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="291"/>
        <source>The licence has reached the penalty point limit in the current scoring period.</source>
        <translation>驾驶证在本记分周期内的记分已达上限。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="292"/>
        <source>The licence has not been renewed for a long time.</source>
        <translation>驾驶证长期未换证。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="293"/>
        <source>It is too early to renew: renewal opens shortly before the licence expires.</source>
        <translation>尚未到换证时间：驾驶证有效期满前一段时间内方可换领。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="294"/>
        <source>The licence expired too long ago to be renewed at a kiosk.</source>
        <translation>驾驶证过期时间过长，无法自助换领。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="295"/>
        <source>The licence has expired.</source>
        <translation>驾驶证已过有效期。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="296"/>
        <source>The licence has been reported lost.</source>
        <translation>驾驶证已申报遗失。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="297"/>
        <source>A health examination certificate is required, but none is on record.</source>
        <translation>需要提交身体条件证明，但系统中没有记录。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="298"/>
        <source>The health examination on record is no longer valid.</source>
        <translation>系统中的身体条件证明已失效。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="299"/>
        <source>No driving licence was found for this ID card.</source>
        <translation>未查询到与该身份证对应的驾驶证。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="301"/>
        <source>Another reason recorded by the licence office (%1).</source>
        <translation>车管所记录的其他原因（%1）。</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../qml/components/TopBar.qml" line="52"/>
        <source>Driving licence self-service</source>
        <translation>驾驶证自助服务</translation>
    </message>
    <message>
        <location filename="../qml/components/TopBar.qml" line="115"/>
        <source>Large text</source>
        <translation>大字模式</translation>
    </message>
    <message>
        <location filename="../qml/components/TopBar.qml" line="116"/>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <location filename="../qml/components/TopBar.qml" line="117"/>
        <source>Lowered layout</source>
        <translation>低位操作模式</translation>
    </message>
</context>
<context>
    <name>TransactionsPage</name>
    <message>
        <location filename="../qml/maintenance/TransactionsPage.qml" line="41"/>
        <source>No transactions yet.</source>
        <translation>暂无业务记录。</translation>
    </message>
</context>
<context>
    <name>TransactionsPageForm.ui</name>
    <message>
        <location filename="../qml/maintenance/TransactionsPageForm.ui.qml" line="23"/>
        <source>Recent transactions</source>
        <translation>最近业务</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/TransactionsPageForm.ui.qml" line="30"/>
        <source>The last 20 sessions. No personal data is shown here.</source>
        <translation>最近 20 笔业务。此处不显示个人信息。</translation>
    </message>
    <message>
        <location filename="../qml/maintenance/TransactionsPageForm.ui.qml" line="39"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>UnavailableScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/UnavailableScreenForm.ui.qml" line="19"/>
        <source>What you can do now</source>
        <translation>您可以这样做</translation>
    </message>
    <message>
        <location filename="../qml/screens/UnavailableScreenForm.ui.qml" line="22"/>
        <source>• Try again in a few minutes.</source>
        <translation>• 几分钟后再试。</translation>
    </message>
    <message>
        <location filename="../qml/screens/UnavailableScreenForm.ui.qml" line="27"/>
        <source>• Licence information queries may still be possible here.</source>
        <translation>• 本机仍可能办理驾驶证信息查询。</translation>
    </message>
    <message>
        <location filename="../qml/screens/UnavailableScreenForm.ui.qml" line="30"/>
        <source>• Use another kiosk, or go to the service counter.</source>
        <translation>• 使用其他自助设备，或前往人工服务窗口。</translation>
    </message>
    <message>
        <location filename="../qml/screens/UnavailableScreenForm.ui.qml" line="31"/>
        <source>You have not been charged.</source>
        <translation>本次未收取任何费用。</translation>
    </message>
    <message>
        <location filename="../qml/screens/UnavailableScreenForm.ui.qml" line="41"/>
        <source>Back to start</source>
        <translation>返回首页</translation>
    </message>
</context>
</TS>
