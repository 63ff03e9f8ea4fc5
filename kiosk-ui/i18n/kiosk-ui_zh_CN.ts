<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../qml/screens/AttractScreen.qml" line="12" />
        <source>Welcome. Choose a service to begin.</source>
        <translation>欢迎使用。请选择要办理的业务。</translation>
    </message>
</context>
<context>
    <name>AttractScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="17" />
        <source>Renew your driving licence in about five minutes. Bring your ID card.</source>
        <translation>约五分钟即可换领驾驶证。请携带本人身份证。</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="18" />
        <source>Lost your licence? Get a new card printed here.</source>
        <translation>驾驶证丢失？可在此补领并当场制证。</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="19" />
        <source>Card damaged? Swap it for a new one here.</source>
        <translation>驾驶证损毁？可在此换领新证。</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="20" />
        <source>See your licence's classes, validity and points.</source>
        <translation>查询您的准驾车型、有效期和记分情况。</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="31" />
        <source>Welcome</source>
        <translation>欢迎使用</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="35" />
        <source>Choose a service to begin. Choose your language at the top.</source>
        <translation>请选择要办理的业务。可在屏幕上方切换语言。</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="90" />
        <source>Renew my licence</source>
        <translation>驾驶证换领</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="91" />
        <source>Your licence expires soon or has expired</source>
        <translation>驾驶证即将到期或已到期</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="98" />
        <source>Replace a lost licence</source>
        <translation>遗失补领</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="99" />
        <source>Your card was lost or stolen</source>
        <translation>驾驶证遗失或被盗</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="106" />
        <source>Replace a damaged licence</source>
        <translation>损毁换领</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="107" />
        <source>Bring the damaged card with you</source>
        <translation>请携带损毁的驾驶证</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="114" />
        <source>Check my licence</source>
        <translation>驾驶证信息查询</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="115" />
        <source>Classes, validity and points</source>
        <translation>准驾车型、有效期和记分</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <location filename="../qml/components/IdleWarning.qml" line="40" />
        <source>Are you still there?</source>
        <translation>您还在吗？</translation>
    </message>
    <message>
        <location filename="../qml/components/IdleWarning.qml" line="53" />
        <source>For your privacy, the session will end and your details will be cleared when the time runs out. Touch the screen to continue.</source>
        <translation>为保护您的隐私，倒计时结束后本次办理将自动结束，您的信息将被清除。如需继续，请触摸屏幕。</translation>
    </message>
    <message>
        <location filename="../qml/components/IdleWarning.qml" line="65" />
        <source>End now</source>
        <translation>结束办理</translation>
    </message>
    <message>
        <location filename="../qml/components/IdleWarning.qml" line="71" />
        <source>I'm still here</source>
        <translation>我还在，继续办理</translation>
    </message>
</context>
<context>
    <name>PendingPage</name>
    <message>
        <location filename="../qml/components/PendingPage.qml" line="8" />
        <source>One moment, please</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../qml/components/PendingPage.qml" line="9" />
        <source>The kiosk is preparing the next step.</source>
        <translation>设备正在准备下一步。</translation>
    </message>
</context>
<context>
    <name>StepIndicator</name>
    <message>
        <location filename="../qml/components/StepIndicator.qml" line="22" />
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../qml/components/TopBar.qml" line="52" />
        <source>Driving licence self-service</source>
        <translation>驾驶证自助服务</translation>
    </message>
    <message>
        <location filename="../qml/components/TopBar.qml" line="115" />
        <source>Large text</source>
        <translation>大字模式</translation>
    </message>
    <message>
        <location filename="../qml/components/TopBar.qml" line="116" />
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <location filename="../qml/components/TopBar.qml" line="117" />
        <source>Lowered layout</source>
        <translation>低位操作模式</translation>
    </message>
</context>
</TS>
