#!/usr/bin/env python3
"""scripts/check-layers on small trees: each broken rule fails with file:line and the rule,
and a tree that follows the rules passes."""
import os
import subprocess
import sys
import tempfile
import unittest

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts",
                      "check-layers")


def run(files):
    with tempfile.TemporaryDirectory() as root:
        for path, text in files.items():
            full = os.path.join(root, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8") as f:
                f.write(text)
        r = subprocess.run([sys.executable, SCRIPT, root], capture_output=True, text=True,
                           check=False)
        return r.returncode, r.stdout + r.stderr


class CheckLayers(unittest.TestCase):
    def assert_refused(self, path, include, rule_words):
        code, out = run({path: f'#pragma once\n\n#include "{include}"\n'})
        self.assertEqual(code, 1, out)
        self.assertIn(f'{path}:3: #include "{include}"', out)
        self.assertIn(rule_words, out)

    def test_a_tree_that_follows_the_rules_passes(self):
        code, out = run({
            "hal/result.hpp": '#include <string>\n#include "protocol/expected.hpp"\n',
            "hal/to_string.cpp": '#include "protocol/enum_names.hpp"\n',
            "drivers/camera/camera.cpp": '#include "hal/camera.hpp"\n#include "protocol/x.hpp"\n',
            "drivers/emu/camera/emu.cpp": '#include "drivers/camera/camera.hpp"\n',
            "protocol/wire/record.cpp": '#include "protocol/error.hpp"\n#include <openssl/evp.h>\n',
            "firmware/kioskd/simulated_devices.cpp": '#include "drivers/emu/camera/emu.hpp"\n',
            "firmware/sync/client.cpp": '#include "protocol/wire/record.hpp"\n',
            "central/server/api.cpp": '#include "protocol/wire/record.hpp"\n',
            "kiosk-ui/src/local_api.cpp": '#include "local_api.hpp"\n#include <QtCore>\n',
            "tests/firmware/sync/office.cpp": '#include "central/server/api.hpp"\n'
                                              '#include "drivers/emu/camera/emu.hpp"\n',
            "tools/kioskhw/bench_devices_emulated.cpp": '#include "drivers/emu/camera/emu.hpp"\n',
        })
        self.assertEqual(code, 0, out)

    def test_firmware_never_includes_central(self):
        self.assert_refused("firmware/sync/client.cpp", "central/config/config.hpp",
                            "never central/")

    def test_hal_includes_only_the_result_type_of_protocol(self):
        self.assert_refused("hal/camera.hpp", "protocol/error.hpp", "hal includes only")
        self.assert_refused("hal/camera.hpp", "drivers/camera/camera.hpp", "hal includes only")

    def test_protocol_includes_only_itself(self):
        self.assert_refused("protocol/image/png.cpp", "hal/image.hpp",
                            "protocol includes nothing of the project")

    def test_drivers_include_no_firmware(self):
        self.assert_refused("drivers/camera/camera.cpp", "firmware/engine/engine.hpp",
                            "drivers include only")

    def test_central_includes_no_firmware_or_devices(self):
        self.assert_refused("central/server/api.cpp", "firmware/journal/journal.hpp",
                            "central includes only")
        self.assert_refused("central/face/face.cpp", "hal/image.hpp", "central includes only")

    def test_the_ui_includes_no_kiosk_internals(self):
        self.assert_refused("kiosk-ui/src/local_api.cpp", "firmware/rpc/message.hpp",
                            "kiosk-ui is a view")

    def test_only_composition_roots_name_emulators(self):
        self.assert_refused("firmware/kioskd/preview_image.cpp", "drivers/emu/camera/jpeg.hpp",
                            "name emulators")
        self.assert_refused("drivers/camera/camera.cpp", "drivers/emu/camera/emu.hpp",
                            "name emulators")
        self.assert_refused("tools/kioskhw/device_commands.cpp", "drivers/emu/common/png.hpp",
                            "name emulators")

    def test_a_composition_root_that_names_nothing_is_noted_not_failed(self):
        code, out = run({"hal/a.hpp": "#include <string>\n"})
        self.assertEqual(code, 0, out)
        self.assertIn("composition root firmware/kioskd/simulated_devices. matches nothing", out)

    def test_every_problem_is_reported(self):
        code, out = run({
            "hal/a.hpp": '#include "firmware/x.hpp"\n',
            "central/b.cpp": '#include "hal/y.hpp"\n',
        })
        self.assertEqual(code, 1)
        self.assertIn("hal/a.hpp:1:", out)
        self.assertIn("central/b.cpp:1:", out)
        self.assertIn("2 include(s) break the layering", out)


if __name__ == "__main__":
    unittest.main()
