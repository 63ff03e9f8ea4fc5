#pragma once
// Helpers shared by the journal's source files (not part of the public API).
#include <memory>
#include <string>

#include <spdlog/spdlog.h>

#include "firmware/journal/error.hpp"
#include "protocol/error.hpp"

namespace kiosk::journal::detail {

// The "journal" subsystem logger (created on first use, shares the default logger's sinks).
std::shared_ptr<spdlog::logger> log();

// Wire-layer failures: invalid records (floats, bad types, oversize) are the caller's input;
// key and OpenSSL failures are crypto.
Error from_wire(const protocol::Error& e, std::string_view what);

}  // namespace kiosk::journal::detail
