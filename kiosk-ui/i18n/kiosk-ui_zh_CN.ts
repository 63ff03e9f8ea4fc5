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
    <message>
        <location filename="../qml/screens/AttractScreen.qml" line="21" />
        <source>Renew your driving licence in about five minutes. Bring your ID card.</source>
        <translation>约五分钟即可换领驾驶证。请携带本人身份证。</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreen.qml" line="22" />
        <source>Lost your licence? Get a new card printed here.</source>
        <translation>驾驶证丢失？可在此补领并当场制证。</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreen.qml" line="23" />
        <source>Card damaged? Swap it for a new one here.</source>
        <translation>驾驶证损毁？可在此换领新证。</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreen.qml" line="24" />
        <source>See your licence's classes, validity and points.</source>
        <translation>查询您的准驾车型、有效期和记分情况。</translation>
    </message>
</context>
<context>
    <name>AttractScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="26" />
        <source>Welcome</source>
        <translation>欢迎使用</translation>
    </message>
    <message>
        <location filename="../qml/screens/AttractScreenForm.ui.qml" line="30" />
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
    <name>CallStaffScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/CallStaffScreenForm.ui.qml" line="13" />
        <source>Please go to the service counter</source>
        <translation>请前往人工服务窗口</translation>
    </message>
    <message>
        <location filename="../qml/screens/CallStaffScreenForm.ui.qml" line="14" />
        <source>You chose not to use face verification. A staff member will check your identity and help you with your licence.</source>
        <translation>您选择不进行人脸核验。工作人员将为您核验身份并办理驾驶证业务。</translation>
    </message>
    <message>
        <location filename="../qml/screens/CallStaffScreenForm.ui.qml" line="18" />
        <source>Please bring</source>
        <translation>请携带</translation>
    </message>
    <message>
        <location filename="../qml/screens/CallStaffScreenForm.ui.qml" line="19" />
        <source>• Your resident ID card (take it from the reader)</source>
        <translation>• 本人居民身份证（请从读卡区取回）</translation>
    </message>
    <message>
        <location filename="../qml/screens/CallStaffScreenForm.ui.qml" line="20" />
        <source>• Your current driving licence, if you have it</source>
        <translation>• 原驾驶证（如有）</translation>
    </message>
    <message>
        <location filename="../qml/screens/CallStaffScreenForm.ui.qml" line="24" />
        <source>You have not been charged. Your details have been cleared from the kiosk.</source>
        <translation>本次未收取任何费用。您的信息已从本机清除。</translation>
    </message>
    <message>
        <location filename="../qml/screens/CallStaffScreenForm.ui.qml" line="34" />
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>CheckingScreen</name>
    <message>
        <location filename="../qml/screens/CheckingScreen.qml" line="19" />
        <source>Checking your face with the licence office…</source>
        <translation>正在向车管所核验您的人脸信息……</translation>
    </message>
    <message>
        <location filename="../qml/screens/CheckingScreen.qml" line="20" />
        <source>Checking your licence records…</source>
        <translation>正在查询您的驾驶证档案……</translation>
    </message>
    <message>
        <location filename="../qml/screens/CheckingScreen.qml" line="22" />
        <source>Preparing your payment…</source>
        <translation>正在准备缴费……</translation>
    </message>
    <message>
        <location filename="../qml/screens/CheckingScreen.qml" line="24" />
        <source>Confirming your payment with the licence office…</source>
        <translation>正在与车管所确认您的缴费……</translation>
    </message>
    <message>
        <location filename="../qml/screens/CheckingScreen.qml" line="25" />
        <source>Preparing your new licence…</source>
        <translation>正在准备制作新驾驶证……</translation>
    </message>
    <message>
        <location filename="../qml/screens/CheckingScreen.qml" line="27" />
        <source>Contacting the licence office…</source>
        <translation>正在连接车管所……</translation>
    </message>
</context>
<context>
    <name>CheckingScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/CheckingScreenForm.ui.qml" line="13" />
        <source>Please wait a moment</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../qml/screens/CheckingScreenForm.ui.qml" line="25" />
        <source>This usually takes a few seconds. Please keep your ID card on the reader.</source>
        <translation>通常只需几秒钟。请勿取走读卡区上的身份证。</translation>
    </message>
</context>
<context>
    <name>ConsentScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/ConsentScreenForm.ui.qml" line="15" />
        <source>Face verification</source>
        <translation>人脸核验</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConsentScreenForm.ui.qml" line="16" />
        <source>To confirm that you are the holder of this ID card, the kiosk compares a photo of your face with the photo on your ID card.</source>
        <translation>为确认您是身份证持有人本人，本机将拍摄您的面部照片，并与身份证照片进行比对。</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConsentScreenForm.ui.qml" line="22" />
        <source>What happens</source>
        <translation>核验过程</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConsentScreenForm.ui.qml" line="23" />
        <source>• The camera takes a photo of your face.</source>
        <translation>• 摄像头拍摄您的面部照片。</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConsentScreenForm.ui.qml" line="24" />
        <source>• The licence office compares it with your ID card photo.</source>
        <translation>• 车管所将其与您的身份证照片进行比对。</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConsentScreenForm.ui.qml" line="25" />
        <source>• The photo is used only for this check and is not kept at the kiosk.</source>
        <translation>• 照片仅用于本次核验，不会保存在本机。</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConsentScreenForm.ui.qml" line="28" />
        <source>If you do not want face verification, a staff member can check your identity at the service counter instead.</source>
        <translation>如您不希望进行人脸核验，可前往人工服务窗口由工作人员核验身份。</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConsentScreenForm.ui.qml" line="38" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConsentScreenForm.ui.qml" line="44" />
        <source>Ask staff</source>
        <translation>人工核验</translation>
    </message>
    <message>
        <location filename="../qml/screens/ConsentScreenForm.ui.qml" line="51" />
        <source>I agree</source>
        <translation>同意并继续</translation>
    </message>
</context>
<context>
    <name>EndedScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/EndedScreenForm.ui.qml" line="53" />
        <source>What you can do now</source>
        <translation>您可以这样做</translation>
    </message>
    <message>
        <location filename="../qml/screens/EndedScreenForm.ui.qml" line="90" />
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>FaceCaptureScreen</name>
    <message>
        <location filename="../qml/screens/FaceCaptureScreen.qml" line="24" />
        <source>Your licence photo</source>
        <translation>拍摄驾驶证照片</translation>
    </message>
    <message>
        <location filename="../qml/screens/FaceCaptureScreen.qml" line="24" />
        <source>Look at the camera</source>
        <translation>请看摄像头</translation>
    </message>
    <message>
        <location filename="../qml/screens/FaceCaptureScreen.qml" line="29" />
        <source>Look straight into the camera with a neutral expression. Keep your face inside the oval.</source>
        <translation>请正视摄像头，保持自然表情，面部位于椭圆框内。</translation>
    </message>
    <message>
        <location filename="../qml/screens/FaceCaptureScreen.qml" line="30" />
        <source>Keep your face inside the oval and hold still while the kiosk checks it is you.</source>
        <translation>请将面部保持在椭圆框内，核验期间请勿移动。</translation>
    </message>
    <message>
        <location filename="../qml/screens/FaceCaptureScreen.qml" line="34" />
        <source>Hold still</source>
        <translation>请保持不动</translation>
    </message>
</context>
<context>
    <name>FaceCaptureScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/FaceCaptureScreenForm.ui.qml" line="98" />
        <source>Please remove glasses and hats. Keep your ears and eyebrows visible.</source>
        <translation>请摘下眼镜和帽子，露出双耳和眉毛。</translation>
    </message>
    <message>
        <location filename="../qml/screens/FaceCaptureScreenForm.ui.qml" line="109" />
        <source>Cancel</source>
        <translation>取消</translation>
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
    <name>InsertIdCardScreen</name>
    <message>
        <location filename="../qml/screens/InsertIdCardScreen.qml" line="20" />
        <source>Please lift the card off the reader and put it back.</source>
        <translation>请将身份证从读卡区拿起，再重新放回。</translation>
    </message>
    <message>
        <location filename="../qml/screens/InsertIdCardScreen.qml" line="21" />
        <source>Please lift the card, check that it is your resident ID card, and lay it flat on the reader again.</source>
        <translation>请拿起证件，确认是本人居民身份证后，重新平放在读卡区。</translation>
    </message>
</context>
<context>
    <name>InsertIdCardScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/InsertIdCardScreenForm.ui.qml" line="18" />
        <source>Place your ID card on the reader</source>
        <translation>请放置身份证</translation>
    </message>
    <message>
        <location filename="../qml/screens/InsertIdCardScreenForm.ui.qml" line="19" />
        <source>Lay your resident ID card flat on the card reader below the screen. Leave it there until the service is finished.</source>
        <translation>请将居民身份证平放在屏幕下方的读卡区，办理结束前请勿取走。</translation>
    </message>
    <message>
        <location filename="../qml/screens/InsertIdCardScreenForm.ui.qml" line="40" />
        <source>The card could not be read</source>
        <translation>未能读取身份证</translation>
    </message>
    <message>
        <location filename="../qml/screens/InsertIdCardScreenForm.ui.qml" line="76" />
        <source>Card reader</source>
        <translation>读卡区</translation>
    </message>
    <message>
        <location filename="../qml/screens/InsertIdCardScreenForm.ui.qml" line="134" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>NoConnectionScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/NoConnectionScreenForm.ui.qml" line="12" />
        <source>The kiosk is getting ready</source>
        <translation>设备正在准备中</translation>
    </message>
    <message>
        <location filename="../qml/screens/NoConnectionScreenForm.ui.qml" line="13" />
        <source>The kiosk is starting up or reconnecting. This screen will change by itself in a moment.</source>
        <translation>设备正在启动或重新连接，稍后将自动恢复，无需操作。</translation>
    </message>
    <message>
        <location filename="../qml/screens/NoConnectionScreenForm.ui.qml" line="20" />
        <source>If this takes more than a few minutes, please ask staff at the service counter.</source>
        <translation>如等待超过几分钟，请咨询人工服务窗口的工作人员。</translation>
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
    <name>Texts</name>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="29" />
        <source>Licence renewal</source>
        <translation>驾驶证换领</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="30" />
        <source>Replacement of a lost licence</source>
        <translation>驾驶证遗失补领</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="31" />
        <source>Replacement of a damaged licence</source>
        <translation>驾驶证损毁换领</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="33" />
        <source>Licence information</source>
        <translation>驾驶证信息查询</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="63" />
        <source>The service was cancelled</source>
        <translation>业务已取消</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="64" />
        <source>The session ended because there was no activity</source>
        <translation>长时间无操作，本次办理已结束</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="65" />
        <source>A different ID card was placed on the reader</source>
        <translation>读卡区上放置了另一张身份证</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="66" />
        <source>Your ID card could not be read</source>
        <translation>无法读取您的身份证</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="67" />
        <location filename="../qml/singletons/Texts.qml" line="223" />
        <source>The licence office cannot be reached</source>
        <translation>暂时无法连接车管所</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="68" />
        <source>We could not confirm that it is you</source>
        <translation>未能确认是您本人</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="69" />
        <source>The face check could not be done</source>
        <translation>无法完成人脸核验</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="70" />
        <source>This service is not available for your licence</source>
        <translation>您的驾驶证暂不能办理此业务</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="71" />
        <source>No usable licence photo could be taken</source>
        <translation>未能拍摄到合格的驾驶证照片</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="72" />
        <source>The payment could not be started</source>
        <translation>无法发起缴费</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="73" />
        <source>Your payment was declined</source>
        <translation>您的支付未成功</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="74" />
        <source>We could not confirm your payment</source>
        <translation>暂时无法确认您的支付结果</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="75" />
        <source>The licence office did not approve the new card</source>
        <translation>车管所未批准制发新证</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="76" />
        <source>Your card could not be printed</source>
        <translation>未能打印您的驾驶证</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="77" />
        <source>Your card could not be produced</source>
        <translation>未能制作您的驾驶证</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="78" />
        <source>Your new card was kept by the kiosk</source>
        <translation>您的新驾驶证已被设备回收保管</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="79" />
        <source>A part of the kiosk stopped working</source>
        <translation>设备部件发生故障</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="80" />
        <source>The kiosk had to stop</source>
        <translation>设备已暂停办理</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="81" />
        <source>The kiosk was restarted</source>
        <translation>设备已重新启动</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="83" />
        <source>The service stopped</source>
        <translation>业务已中止</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="90" />
        <source>You stopped the service. Your details have been cleared from the kiosk.</source>
        <translation>您已取消办理，您的信息已从本机清除。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="92" />
        <source>For your privacy, the kiosk ended the service and cleared your details.</source>
        <translation>为保护您的隐私，本机已结束办理并清除了您的信息。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="94" />
        <source>For your security the service was stopped. Only the ID card of the person being served may be on the reader.</source>
        <translation>为保障您的安全，业务已中止。读卡区上只能放置办理人本人的身份证。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="96" />
        <source>The reader tried three times without success. The card may be dirty, bent or damaged.</source>
        <translation>读卡器已尝试读取三次均未成功。证件可能有污渍、弯折或损坏。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="98" />
        <source>The kiosk could not get an answer from the licence office system. This is a temporary problem on our side.</source>
        <translation>本机未能收到车管所系统的响应。这是我们一方的临时问题。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="100" />
        <source>Your face did not match the photo on your ID card. Strong light, glasses, a hat or a mask can cause this.</source>
        <translation>您的面部与身份证照片不一致。强光、眼镜、帽子或口罩都可能导致这种情况。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="102" />
        <source>The licence office could not check the photo that was taken.</source>
        <translation>车管所无法核验所拍摄的照片。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="104" />
        <source>The licence records show the following:</source>
        <translation>驾驶证档案显示以下情况：</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="107" />
        <source>After several attempts the photo still did not meet the requirements for a licence photo.</source>
        <translation>多次拍摄后，照片仍不符合驾驶证照片的要求。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="108" />
        <source>The last photo still did not meet the requirements: %1</source>
        <translation>最后一张照片仍不符合要求：%1</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="110" />
        <source>The payment order could not be created at the licence office.</source>
        <translation>车管所未能创建缴费订单。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="112" />
        <source>The payment was declined three times, so the service stopped.</source>
        <translation>支付连续三次未成功，业务已中止。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="114" />
        <source>The payment service did not tell us whether your payment went through. The transaction will be settled automatically.</source>
        <translation>支付机构未返回您的支付结果。该笔交易将自动处理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="116" />
        <source>The licence office refused to issue the card at the last check.</source>
        <translation>车管所在最终审核时未批准制发驾驶证。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="118" />
        <source>The card printer has a problem, so your card could not be made. This kiosk is now out of service.</source>
        <translation>制证打印机出现故障，未能制作您的驾驶证。本机已暂停服务。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="120" />
        <source>The card layout could not be prepared, so no card was printed.</source>
        <translation>证件版面生成失败，未打印任何证件。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="122" />
        <source>The card was not taken from the slot in time, so the kiosk kept it safely inside. The licence office holds it for you.</source>
        <translation>证件未在规定时间内从出证口取走，已由设备安全回收。车管所将为您保管。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="125" />
        <source>The camera stopped working, so the service could not continue.</source>
        <translation>摄像头发生故障，业务无法继续。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="127" />
        <source>The payment scanner stopped working, so the service could not continue.</source>
        <translation>扫码支付设备发生故障，业务无法继续。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="128" />
        <source>A device did not respond, so the service could not continue.</source>
        <translation>设备无响应，业务无法继续。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="130" />
        <source>The kiosk could not safely record your service, so it stopped before doing anything more.</source>
        <translation>本机无法安全记录您的业务，已停止后续操作。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="132" />
        <source>The service was interrupted because the kiosk restarted.</source>
        <translation>设备重新启动，业务已中断。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="134" />
        <source>The service could not be completed.</source>
        <translation>业务未能完成。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="140" />
        <source>the photo was too dark.</source>
        <translation>照片过暗。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="141" />
        <source>the photo was too bright.</source>
        <translation>照片过亮。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="142" />
        <source>the photo was not clear enough.</source>
        <translation>照片不够清晰。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="143" />
        <source>no face was seen.</source>
        <translation>未检测到人脸。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="145" />
        <source>the photo was not usable.</source>
        <translation>照片无法使用。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="153" />
        <source>Take your ID card from the reader.</source>
        <translation>请从读卡区取回您的身份证。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="154" />
        <source>You can start again at any time.</source>
        <translation>您可以随时重新办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="156" />
        <source>Take the ID cards from the reader.</source>
        <translation>请取回读卡区上的身份证。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="157" />
        <source>Start again with only your own ID card on the reader.</source>
        <translation>请只放置本人身份证，重新办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="159" />
        <source>Take your ID card and wipe it clean.</source>
        <translation>请取回身份证并擦拭干净。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="160" />
        <source>Try again, placing it flat on the reader.</source>
        <translation>重新办理，将证件平放在读卡区。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="161" />
        <source>If it still cannot be read, staff at the service counter can help.</source>
        <translation>如仍无法读取，请到人工服务窗口办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="163" />
        <location filename="../qml/singletons/Texts.qml" line="177" />
        <source>Please try again in a few minutes.</source>
        <translation>请几分钟后再试。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="164" />
        <source>Or go to the service counter, where staff can help you.</source>
        <translation>或前往人工服务窗口，由工作人员为您办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="166" />
        <source>Try again without glasses, hat or mask, facing the camera.</source>
        <translation>请摘下眼镜、帽子或口罩，正对摄像头重新办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="167" />
        <source>Or ask staff at the service counter to check your identity.</source>
        <translation>或请人工服务窗口的工作人员核验您的身份。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="169" />
        <source>Please try again.</source>
        <translation>请重新办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="170" />
        <source>If it happens again, staff at the service counter can help.</source>
        <translation>如再次出现，请到人工服务窗口办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="172" />
        <source>Please go to the service counter. Staff can explain your situation and what to do.</source>
        <translation>请前往人工服务窗口，工作人员会为您说明情况及办理方法。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="174" />
        <source>Staff at the service counter can take your licence photo.</source>
        <translation>人工服务窗口可为您拍摄驾驶证照片。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="175" />
        <source>You can also try again later in better light.</source>
        <translation>您也可以稍后在光线较好时重新办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="178" />
        <source>Or pay at the service counter.</source>
        <translation>或到人工服务窗口缴费办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="180" />
        <source>Check your payment app or balance, or use another payment app.</source>
        <translation>请检查支付应用或账户余额，或换用其他支付应用。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="181" />
        <source>Then start again, or pay at the service counter.</source>
        <translation>然后重新办理，或到人工服务窗口缴费。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="183" />
        <source>Keep the payment record in your payment app.</source>
        <translation>请保留支付应用中的付款记录。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="184" />
        <source>Staff at the service counter can check the payment for you.</source>
        <translation>人工服务窗口的工作人员可为您查询支付情况。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="188" />
        <source>Please go to the service counter. Staff can complete your service.</source>
        <translation>请前往人工服务窗口，工作人员会为您继续办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="191" />
        <source>Please use another kiosk or go to the service counter.</source>
        <translation>请使用其他自助设备，或前往人工服务窗口。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="192" />
        <source>Staff have been notified.</source>
        <translation>已通知工作人员。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="194" />
        <source>Go to the service counter with your ID card to collect your new licence.</source>
        <translation>请携带身份证到人工服务窗口领取您的新驾驶证。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="196" />
        <source>Please start again in a moment.</source>
        <translation>请稍后重新办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="197" />
        <source>If you had already paid, staff at the service counter can check it.</source>
        <translation>如您已付款，人工服务窗口可为您查询。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="199" />
        <source>Please go to the service counter for help.</source>
        <translation>请前往人工服务窗口寻求帮助。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="209" />
        <source>The fee is not refunded: your card has been made and is waiting for you.</source>
        <translation>费用不予退还：您的驾驶证已制作完成，等待您领取。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="211" />
        <source>If money was taken from your account, it will be refunded automatically. You do not need to do anything.</source>
        <translation>如您的账户已被扣款，款项将自动退回，您无需任何操作。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="213" />
        <source>Your payment is being refunded to the account you paid from. This can take a few working days.</source>
        <translation>您的付款正在原路退回至支付账户，可能需要几个工作日到账。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="215" />
        <source>Any payment you made will be refunded automatically to the account you paid from.</source>
        <translation>您已支付的费用将自动原路退回至支付账户。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="216" />
        <source>You have not been charged.</source>
        <translation>本次未收取任何费用。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="222" />
        <source>This kiosk is out of service</source>
        <translation>本机暂停服务</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="224" />
        <source>This kiosk has run out of licence cards</source>
        <translation>本机驾驶证卡片已用完</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="225" />
        <source>This kiosk cannot take new services</source>
        <translation>本机暂时无法受理新业务</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="227" />
        <source>The service cannot start right now</source>
        <translation>暂时无法开始办理</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="233" />
        <source>The kiosk needs maintenance. Staff have been notified.</source>
        <translation>设备需要维护，已通知工作人员。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="234" />
        <source>The kiosk cannot connect to the licence office system. This is usually resolved within minutes.</source>
        <translation>设备无法连接车管所系统，通常几分钟内即可恢复。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="235" />
        <source>No new cards can be printed until staff refill the kiosk.</source>
        <translation>工作人员补充卡片前，本机无法制作新证。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="236" />
        <source>The kiosk cannot safely record services at the moment. Staff have been notified.</source>
        <translation>设备暂时无法安全记录业务，已通知工作人员。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="238" />
        <source>Please try again later.</source>
        <translation>请稍后再试。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="244" />
        <source>This service is currently not offered at self-service kiosks.</source>
        <translation>该业务目前暂不支持自助办理。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="245" />
        <source>The driving licence has been revoked.</source>
        <translation>驾驶证已被吊销。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="246" />
        <source>The driving licence is suspended.</source>
        <translation>驾驶证处于暂扣状态。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="247" />
        <source>The licence has reached the penalty point limit in the current scoring period.</source>
        <translation>驾驶证在本记分周期内的记分已达上限。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="248" />
        <source>The licence has not been renewed for a long time.</source>
        <translation>驾驶证长期未换证。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="249" />
        <source>It is too early to renew: renewal opens shortly before the licence expires.</source>
        <translation>尚未到换证时间：驾驶证有效期满前一段时间内方可换领。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="250" />
        <source>The licence expired too long ago to be renewed at a kiosk.</source>
        <translation>驾驶证过期时间过长，无法自助换领。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="251" />
        <source>The licence has expired.</source>
        <translation>驾驶证已过有效期。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="252" />
        <source>The licence has been reported lost.</source>
        <translation>驾驶证已申报遗失。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="253" />
        <source>A health examination certificate is required, but none is on record.</source>
        <translation>需要提交身体条件证明，但系统中没有记录。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="254" />
        <source>The health examination on record is no longer valid.</source>
        <translation>系统中的身体条件证明已失效。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="255" />
        <source>No driving licence was found for this ID card.</source>
        <translation>未查询到与该身份证对应的驾驶证。</translation>
    </message>
    <message>
        <location filename="../qml/singletons/Texts.qml" line="257" />
        <source>Another reason recorded by the licence office (%1).</source>
        <translation>车管所记录的其他原因（%1）。</translation>
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
<context>
    <name>UnavailableScreenForm.ui</name>
    <message>
        <location filename="../qml/screens/UnavailableScreenForm.ui.qml" line="19" />
        <source>What you can do now</source>
        <translation>您可以这样做</translation>
    </message>
    <message>
        <location filename="../qml/screens/UnavailableScreenForm.ui.qml" line="22" />
        <source>• Try again in a few minutes.</source>
        <translation>• 几分钟后再试。</translation>
    </message>
    <message>
        <location filename="../qml/screens/UnavailableScreenForm.ui.qml" line="27" />
        <source>• Licence information queries may still be possible here.</source>
        <translation>• 本机仍可能办理驾驶证信息查询。</translation>
    </message>
    <message>
        <location filename="../qml/screens/UnavailableScreenForm.ui.qml" line="30" />
        <source>• Use another kiosk, or go to the service counter.</source>
        <translation>• 使用其他自助设备，或前往人工服务窗口。</translation>
    </message>
    <message>
        <location filename="../qml/screens/UnavailableScreenForm.ui.qml" line="31" />
        <source>You have not been charged.</source>
        <translation>本次未收取任何费用。</translation>
    </message>
    <message>
        <location filename="../qml/screens/UnavailableScreenForm.ui.qml" line="41" />
        <source>Back to start</source>
        <translation>返回首页</translation>
    </message>
</context>
</TS>
