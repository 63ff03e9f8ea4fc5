#include "tools/kioskhw/device_commands.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <system_error>

#include "drivers/receipt_printer/test_receipt.hpp"
#include "firmware/card_layout/specimen.hpp"
#include "protocol/image/png.hpp"
#include "tools/kioskhw/await.hpp"
#include "tools/kioskhw/bench_devices.hpp"
#include "tools/kioskhw/exit_codes.hpp"
#include "tools/kioskhw/hal_json.hpp"

namespace kiosk::tools {
namespace {

using nlohmann::json;

// Prints a failed command as one line (or JSON) and returns its exit code (exit_codes.hpp).
int fail(const CommandLine& cl, std::ostream& out, std::ostream& err, std::string_view what,
         const hal::DeviceError& e) {
  if (cl.json) {
    out << json{{"ok", false}, {"error", to_json(e)}}.dump(2) << "\n";
  } else {
    err << "kioskhw: " << what << " failed: " << hal::to_string(e.code) << " (" << e.reason << ")"
        << (e.message.empty() ? "" : ": " + e.message) << "\n";
    if (e.reason == "permission")
      err << "kioskhw: install the udev rules (60-kiosk24.rules) or run as a member of the "
             "kioskd group\n";
  }
  return exit_code_for(e);
}

int missing(const CommandLine& cl, BenchDevices& bench, std::ostream& out, std::ostream& err,
            const std::string& device) {
  return fail(cl, out, err, device, bench.why_absent(device));
}

// While a long command runs: one line a few seconds, on stderr (stdout stays the result).
std::function<void(int)> progress(std::ostream& err, std::string what) {
  return [&err, what = std::move(what)](int seconds) {
    if (seconds % 5 == 0) err << "kioskhw: " << what << "... " << seconds << " s\n" << std::flush;
  };
}

std::filesystem::path out_dir(const CommandLine& cl) {
  return cl.out.value_or("out");
}

// Copies an emulator artifact to a stable name in the output folder.
std::filesystem::path publish(const std::filesystem::path& from, const std::filesystem::path& dir,
                              const std::string& name) {
  const auto to = dir / name;
  std::error_code ec;
  std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing, ec);
  return ec ? from : to;
}

// Every device the kiosk has, found or not; exits kExitNoPermission when one may not be
// opened, kExitNoDevice when none at all was found.
int list(const CommandLine& cl, BenchDevices& bench, std::ostream& out) {
  json devices = json::array();
  for (auto* d : bench.all()) devices.push_back(to_json(d->info()));
  json absent = json::array();
  bool refused = false;
  for (const char* id :
       {"id_reader", "card_printer", "receipt_printer", "camera", "payment_scanner"}) {
    bool found = false;
    for (const auto& d : devices) found = found || d["id"] == id;
    if (found) continue;
    const auto why = bench.why_absent(id);
    refused = refused || why.reason == "permission";
    absent.push_back(json{{"id", id}, {"error", to_json(why)}});
  }
  const int code = refused ? kExitNoPermission : devices.empty() ? kExitNoDevice : kExitOk;
  if (cl.json) {
    out << json{{"ok", code == kExitOk}, {"devices", devices}, {"absent", absent}}.dump(2) << "\n";
  } else {
    for (const auto& d : devices) {
      out << d["id"].get<std::string>() << "\t" << d["model"].get<std::string>() << "\t"
          << d["transport"].get<std::string>() << "\n";
    }
    for (const auto& a : absent) {
      const bool permission = a["error"]["reason"] == "permission";
      out << a["id"].get<std::string>() << "\t-\t"
          << (permission ? "no permission (udev rules 60-kiosk24.rules installed?)"
              : a["error"]["reason"] == "no_device" ? "not found"
                                                    : a["error"]["reason"].get<std::string>())
          << "\n";
    }
  }
  return code;
}

int status(const CommandLine& cl, BenchDevices& bench, std::ostream& out, bool health_check) {
  json devices = json::array();
  bool all_online = true;
  for (auto* d : bench.all()) {
    json entry = {{"id", d->info().id}};
    if (health_check) {
      auto r = d->health_check();
      if (r.ok()) {
        entry["status"] = to_json(r.value());
        all_online = all_online && r.value().state == hal::DeviceState::online;
      } else {
        entry["error"] = to_json(r.error());
        all_online = false;
      }
      entry["statistics"] = to_json(d->statistics());
    } else {
      entry["status"] = to_json(d->status());
    }
    devices.push_back(entry);
  }
  if (cl.json) {
    out << json{{"ok", all_online || !health_check}, {"devices", devices}}.dump(2) << "\n";
  } else {
    for (const auto& e : devices) {
      out << e["id"].get<std::string>() << ": ";
      if (e.contains("error")) {
        out << "FAIL " << e["error"]["code"].get<std::string>() << " ("
            << e["error"]["reason"].get<std::string>() << ")\n";
        continue;
      }
      out << e["status"]["state"].get<std::string>();
      for (const auto& [k, v] : e["status"]["detail"].items())
        out << " " << k << "=" << v.get<std::string>();
      out << "\n";
    }
  }
  return health_check && !all_online ? 1 : 0;
}

int read_id(const CommandLine& cl, BenchDevices& bench, std::ostream& out, std::ostream& err) {
  auto* reader = bench.id_reader();
  if (reader == nullptr) return missing(cl, bench, out, err, "id_reader");
  if (cl.emulate && !bench.place_synthetic_card(cl.citizen)) {
    return fail(cl, out, err, "read-id",
                hal::make_error(hal::CompletionCode::invalidData, "unknown_citizen",
                                "no synthetic citizen " + cl.citizen));
  }
  auto card =
      await<hal::IdCard>([&](auto done) { return reader->read_card(hal::ReadIdOptions{}, done); },
                         progress(err, "waiting for an ID card on the reader"));
  if (!card.ok()) return fail(cl, out, err, "read-id", card.error());
  out << to_json(card.value()).dump(cl.json ? 2 : 2) << "\n";
  return 0;
}

int capture(const CommandLine& cl, BenchDevices& bench, std::ostream& out, std::ostream& err) {
  auto* camera = bench.camera();
  if (camera == nullptr) return missing(cl, bench, out, err, "camera");
  auto frame = await<hal::RgbImage>(
      [&](auto done) { return camera->capture_still(hal::CaptureOptions{}, done); });
  if (!frame.ok()) return fail(cl, out, err, "capture", frame.error());
  std::filesystem::create_directories(out_dir(cl));
  const auto path = out_dir(cl) / "capture.png";
  const auto& image = frame.value();
  if (auto w = protocol::write_png(path, {image.width, image.height, image.pixels}); !w.ok()) {
    return fail(
        cl, out, err, "capture",
        hal::make_error(hal::CompletionCode::hardwareError,
                        std::string(protocol::to_string(w.error().code)), w.error().message));
  }
  if (cl.json) {
    out << json{{"ok", true},
                {"width", frame.value().width},
                {"height", frame.value().height},
                {"png", path.string()}}
               .dump(2)
        << "\n";
  } else {
    out << "captured " << frame.value().width << "x" << frame.value().height << " -> "
        << path.string() << "\n";
  }
  return 0;
}

// The technician's test card: colour and resin black exercise every panel.
card_layout::Result<hal::CardJob> technician_test_card() {
  card_layout::TestCard card;
  card.title = "Kiosk24 测试卡 / TEST CARD";
  card.lines = {"打印机自检 Printer self-test", "YMCKO 色带 ribbon", "中文 English 0123456789"};
  card.job_id = "test-card";
  return card_layout::test_card_job(card);
}

int print_card(const CommandLine& cl, BenchDevices& bench, std::ostream& out, std::ostream& err) {
  auto* printer = bench.card_printer();
  if (printer == nullptr) return missing(cl, bench, out, err, "card_printer");
  auto layout = cl.sample_licence ? card_layout::specimen_licence_job() : technician_test_card();
  if (!layout.ok()) {
    return fail(
        cl, out, err, "print-test-card",
        hal::make_error(hal::CompletionCode::invalidData, "layout", layout.error().message));
  }
  hal::CardJob job = std::move(layout).value();
  auto printed =
      await<hal::PrintedCard>([&](auto done) { return printer->print_card(std::move(job), done); },
                              progress(err, "printing the card"));
  if (!printed.ok()) return fail(cl, out, err, "print-test-card", printed.error());
  json result = {{"ok", true}, {"card_counter", printed.value().card_counter}};
  const auto images = bench.last_card_images();
  const char* names[] = {"card-front.png", "card-back.png"};
  for (std::size_t i = 0; i < images.size() && i < 2; ++i) {
    result[i == 0 ? "front_png" : "back_png"] = publish(images[i], out_dir(cl), names[i]).string();
  }
  if (cl.json) {
    out << result.dump(2) << "\n";
  } else {
    out << "card printed (printer counter " << printed.value().card_counter << ")\n";
    for (const char* key : {"front_png", "back_png"}) {
      if (result.contains(key)) out << "  " << result[key].get<std::string>() << "\n";
    }
  }
  return 0;
}

int print_receipt(const CommandLine& cl, BenchDevices& bench, std::ostream& out,
                  std::ostream& err) {
  auto* printer = bench.receipt_printer();
  if (printer == nullptr) return missing(cl, bench, out, err, "receipt_printer");
  hal::Receipt receipt =
      cl.sample_licence ? drivers::make_sample_licence_receipt() : drivers::make_test_receipt();
  auto printed =
      await<hal::Done>([&](auto done) { return printer->print(std::move(receipt), done); },
                       progress(err, "printing the receipt"));
  if (!printed.ok()) return fail(cl, out, err, "print-test-receipt", printed.error());
  json result = {{"ok", true}};
  if (auto png = bench.last_receipt_image(); !png.empty()) {
    result["png"] = publish(png, out_dir(cl), "receipt.png").string();
  }
  if (cl.json) {
    out << result.dump(2) << "\n";
  } else {
    out << "receipt printed\n";
    if (result.contains("png")) out << "  " << result["png"].get<std::string>() << "\n";
  }
  return 0;
}

}  // namespace

int run_device_command(const CommandLine& cl, std::ostream& out, std::ostream& err) {
  BenchOptions options;
  options.emulate = cl.emulate;
  options.artifact_dir = out_dir(cl) / "emulators";
  std::error_code ec;
  std::filesystem::create_directories(options.artifact_dir, ec);
  auto bench = cl.emulate ? open_emulated_bench(options) : open_real_bench(options);

  if (cl.command == "list") return list(cl, *bench, out);
  if (cl.command == "status") return status(cl, *bench, out, false);
  if (cl.command == "selftest") return status(cl, *bench, out, true);
  if (cl.command == "read-id") return read_id(cl, *bench, out, err);
  if (cl.command == "capture") return capture(cl, *bench, out, err);
  if (cl.command == "print-test-card") return print_card(cl, *bench, out, err);
  if (cl.command == "print-test-receipt") return print_receipt(cl, *bench, out, err);
  err << "kioskhw: unknown command " << cl.command << "\n";
  return 2;
}

}  // namespace kiosk::tools
