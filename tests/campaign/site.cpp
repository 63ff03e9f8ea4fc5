#include "tests/campaign/site.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "tests/support/kioskd_process.hpp"

namespace kiosk::campaign {
namespace {

using namespace std::chrono_literals;

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
    port = ntohs(a.sin_port);
  ::close(fd);
  return port;
}

bool accepts(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

Office::Office(std::filesystem::path dir, std::string binary)
    : dir_(std::move(dir)), binary_(std::move(binary)) {
  std::filesystem::create_directories(dir_);
  if (auto o = run({binary_, "pki", "init", pki().string()}); o.status != 0)
    throw std::runtime_error("kiosk-central pki init: " + o.text);
  if (auto o = run({binary_, "seed", "--db", db_url(), "--pki", pki().string()}); o.status != 0)
    throw std::runtime_error("kiosk-central seed: " + o.text);
  port_ = free_port();
  start();
}

void Office::start() {
  serve_.start({binary_, "serve", "--db", db_url(), "--pki", pki().string(), "--listen",
                "127.0.0.1:" + std::to_string(port_), "--threads", "16", "--fault-file",
                (dir_ / "fault").string()},
               dir_ / "central.log");
  for (int i = 0; i < 3000 && !accepts(port_); ++i) std::this_thread::sleep_for(10ms);
}

bool Office::reseed() {
  return run({binary_, "seed", "--db", db_url()}).status == 0;
}

void Office::answer_5xx(const std::string& when) {
  std::error_code ec;
  if (when.empty()) {
    std::filesystem::remove(dir_ / "fault", ec);
    return;
  }
  std::ofstream(dir_ / "fault") << when << '\n';
}

Output Office::reconcile_json() const {
  return run({binary_, "reconcile", "--db", db_url(), "--json"});
}

Output Office::verify_chain(const std::string& kiosk_id) const {
  return run({binary_, "verify-chain", kiosk_id, "--db", db_url()});
}

Kiosk::Kiosk(std::filesystem::path dir, std::string binary, const Office& office, double time_scale)
    : dir_(std::move(dir)), data_(dir_ / "data"), binary_(std::move(binary)) {
  std::filesystem::create_directories(data_);
  std::filesystem::create_directories(dir_ / "artifacts");
  // A filesystem of its own, so that a full disk is kioskd's alone (root and a permissive
  // container needed; otherwise that fault is skipped).
  mounted_ = ::mount("tmpfs", data_.c_str(), "tmpfs", 0, "size=96m") == 0;
  const auto pki = office.pki();
  std::ofstream f(dir_ / "kioskd.conf");
  f << "[kiosk]\nid = " << kId << "\nsocket = " << socket().string()
    << "\njournal = " << (data_ / "journal.db").string()
    << "\ndata_key_file = " << (data_ / "data.key").string() << "\nsettle_interval_seconds = 1\n"
    << "[central]\nurl = https://127.0.0.1:" << office.port()
    << "\nca_file = " << (pki / "ca.pem").string()
    << "\ncert_file = " << (pki / "kiosks" / (std::string(kId) + ".pem")).string()
    << "\nkey_file = " << (pki / "kiosks" / (std::string(kId) + ".key")).string()
    << "\noffice_cert_file = " << (pki / "office.pem").string()
    << "\n[sync]\ninterval_seconds = 1\n"
    << "[simulation]\nenabled = true\ntime_scale = " << time_scale
    << "\nartifact_dir = " << (dir_ / "artifacts").string() << "\n";
}

Kiosk::~Kiosk() {
  kill();
  if (mounted_) ::umount2(data_.c_str(), MNT_DETACH);
}

void Kiosk::spawn() {
  client_.reset();
  kioskd_.start({binary_, "--config", (dir_ / "kioskd.conf").string()}, dir_ / "kioskd.log");
}

bool Kiosk::start() {
  spawn();
  client_ = testing::connect_when_ready(socket(), std::chrono::seconds(60));
  return client_ != nullptr;
}

rpc::Client* Kiosk::api() {
  if (client_ && client_->connected()) return client_.get();
  client_.reset();
  if (!kioskd_.running()) return nullptr;
  client_ = testing::connect_when_ready(socket(), std::chrono::seconds(60));
  return client_.get();
}

std::string Kiosk::log() const {
  return testing::file_text(dir_ / "kioskd.log");
}

void Kiosk::fill_disk() {
  if (!mounted_) return;
  std::ofstream f(data_ / "filler", std::ios::binary);
  const std::string chunk(1 << 16, '\0');
  for (int i = 0; i < 4096 && f.write(chunk.data(), chunk.size()); ++i) {
  }
  f.flush();
}

void Kiosk::free_disk() {
  std::error_code ec;
  std::filesystem::remove(data_ / "filler", ec);
}

void Kiosk::clear_artifacts() {
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir_ / "artifacts", ec))
    std::filesystem::remove_all(e.path(), ec);
}

}  // namespace kiosk::campaign
