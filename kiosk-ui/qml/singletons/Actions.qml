// Actions: binding-friendly checks of the screen model's allowed actions. ScreenModel.allows()
// is a method, so a binding calling it is not re-evaluated when the actions change; these
// read model.actions (a notifying property) and therefore are.
//   allowed(model, action) -> bool   whether kioskd accepts `action` now (false without a model)
// (No `import Kiosk.Ui` here: two module singletons importing their module form a cycle.)
pragma Singleton
import QtQuick

QtObject {
    function allowed(model, action: string): bool {
        if (!model)
            return false;
        const list = model.actions;
        for (let i = 0; i < list.length; ++i) {
            if (list[i] === action)
                return true;
        }
        return false;
    }
}
