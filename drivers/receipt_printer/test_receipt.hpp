#pragma once
// Receipts the kiosk prints without a transaction: the technician's self-test page and a
// demo receipt of a synthetic licence renewal. All data here is made up.

#include "hal/receipt_printer.hpp"

namespace kiosk::drivers {

// Printer self-test: Chinese and English lines, every text attribute, and a QR code.
hal::Receipt make_test_receipt();

// A bilingual receipt of a synthetic licence renewal (kiosk id, transaction number, service,
// masked ID number, fee, payment method, time, verification QR). For demos and tests.
hal::Receipt make_sample_licence_receipt();

}  // namespace kiosk::drivers
