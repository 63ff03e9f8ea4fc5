// A stand-in for LocalApi in the maintenance Quick Tests: records every call and answers
// from `answers` (method -> {result} or {error}); maintenanceLogin answers from `loginAnswer`.
import QtQml

QtObject {
    id: fake

    property bool maintenanceActive: false
    property string maintenanceUser: ""
    property bool simulation: true
    property var status: ({kiosk_id: "K-TEST", state: "ready", out_of_service: false})
    property var calls: []
    property var answers: ({})
    property var loginAnswer: ({result: {token: "hidden", expires_in: 300}})
    property int logouts: 0

    signal maintenanceChanged()

    function answer(method: string, params: var, callback: var) {
        fake.calls = fake.calls.concat([{method: method, params: params}]);
        const a = fake.answers[method] ?? {result: {}};
        if (callback)
            callback(a.error ? null : (a.result ?? {}), a.error ?? null);
    }
    function call(method: string, params: var, callback: var) {
        fake.answer(method, params, callback);
    }
    function maintenanceCall(method: string, params: var, callback: var) {
        fake.answer(method, params, callback);
    }
    function maintenanceLogin(user: string, password: string, callback: var) {
        fake.calls = fake.calls.concat([{method: "maintenance.login", params: {user: user}}]);
        if (!fake.loginAnswer.error) {
            fake.maintenanceActive = true;
            fake.maintenanceUser = user;
            fake.maintenanceChanged();
        }
        callback(fake.loginAnswer.error ? null : fake.loginAnswer.result, fake.loginAnswer.error ?? null);
    }
    function maintenanceLogout() {
        fake.logouts += 1;
        fake.maintenanceActive = false;
        fake.maintenanceChanged();
    }
    function callsOf(method: string): var {
        return fake.calls.filter(c => c.method === method);
    }
}
