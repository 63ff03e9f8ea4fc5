#include "tools/kioskhw/decode_commands.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <vector>

#include "drivers/card_printer/card_printer_codec.hpp"
#include "drivers/emu/receipt_printer/receipt_renderer.hpp"
#include "drivers/id_reader/id_reader_codec.hpp"
#include "protocol/image/png.hpp"
#include "tools/kioskhw/hal_json.hpp"

namespace kiosk::tools {
namespace {

// Captures are small (a card job is a few MB at most); files above 64 MiB are refused.
std::optional<std::string> read_file(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || size > (64U << 20)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string data(static_cast<std::size_t>(size), '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  if (!in) return std::nullopt;
  return data;
}

// A decoder failure: one line, naming the reason (checksum, length, status, ...).
int fail(std::ostream& err, const std::string& what, const hal::DeviceError& e) {
  err << "kioskhw: " << what << ": " << e.reason
      << (e.message.empty() ? "" : " (" + e.message + ")") << "\n";
  return 1;
}

int fail(std::ostream& err, const std::string& what, const protocol::Error& e) {
  err << "kioskhw: " << what << ": " << protocol::to_string(e.code) << " (" << e.message << ")\n";
  return 1;
}

// Writes what the decoded device would have shown as PNG.
protocol::Status save_png(const hal::RgbImage& image, const std::filesystem::path& path) {
  return protocol::write_png(path, {image.width, image.height, image.pixels});
}

// Loads a capture that may be raw binary or hex text.
std::optional<std::vector<std::uint8_t>> load_capture(const CommandLine& cl, std::ostream& err) {
  auto text = read_file(cl.file);
  if (!text) {
    err << "kioskhw: cannot read " << cl.file << "\n";
    return std::nullopt;
  }
  auto bytes = drivers::id_reader::parse_hex_or_binary(*text);
  if (!bytes.ok()) {
    fail(err, cl.file, bytes.error());
    return std::nullopt;
  }
  return std::move(bytes).value();
}

int write_image(const hal::RgbImage& image, const CommandLine& cl, std::ostream& out,
                std::ostream& err) {
  if (auto w = save_png(image, *cl.out); !w.ok()) return fail(err, cl.out->string(), w.error());
  if (cl.json) {
    out << nlohmann::json{{"ok", true},
                          {"png", cl.out->string()},
                          {"width", image.width},
                          {"height", image.height}}
               .dump(2)
        << "\n";
  } else {
    out << image.width << "x" << image.height << " -> " << cl.out->string() << "\n";
  }
  return 0;
}

}  // namespace

int decode_id_frame(const CommandLine& cl, std::ostream& out, std::ostream& err) {
  auto bytes = load_capture(cl, err);
  if (!bytes) return 1;
  auto card = drivers::id_reader::decode_id_reply_frame(*bytes);
  if (!card.ok()) return fail(err, "bad frame", card.error());
  out << to_json(card.value()).dump(2) << "\n";
  return 0;
}

int decode_card_job(const CommandLine& cl, std::ostream& out, std::ostream& err) {
  auto bytes = load_capture(cl, err);
  if (!bytes) return 1;
  auto job = drivers::card_printer::decode_card_job(*bytes);
  if (!job.ok()) return fail(err, "bad card job", job.error());
  if (job.value().back) {
    // Duplex job: the back goes beside the front, as NAME-back.png.
    auto back_path = *cl.out;
    back_path.replace_filename(cl.out->stem().string() + "-back" + cl.out->extension().string());
    if (auto w = save_png(*job.value().back, back_path); !w.ok())
      return fail(err, back_path.string(), w.error());
    if (!cl.json) out << "back -> " << back_path.string() << "\n";
  }
  return write_image(job.value().front, cl, out, err);
}

int decode_receipt(const CommandLine& cl, std::ostream& out, std::ostream& err) {
  auto bytes = load_capture(cl, err);
  if (!bytes) return 1;
  auto image = drivers::emu::render_escpos(*bytes);
  if (!image.ok()) return fail(err, "bad receipt stream", image.error());
  return write_image(image.value(), cl, out, err);
}

}  // namespace kiosk::tools
