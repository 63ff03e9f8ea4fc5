#pragma once
// Which devices a service cannot run without, and whether they are there: a session is only
// started when every one of them is (a citizen must never pay and then find the printer
// unplugged). The receipt printer is not among them: without it the citizen still gets the
// reference on the screen and the electronic licence.
#include <optional>
#include <string>
#include <vector>

#include "firmware/engine/ports.hpp"
#include "firmware/engine/services.hpp"

namespace kiosk::engine {

// The devices the service needs: the ID reader and the camera, and for a service that hands
// out a card also the payment scanner and the card printer.
std::vector<hal::Device*> needed_devices(Service service, const Devices& devices);

// The id of the first needed device that is not there (unplugged, powered off, not opened),
// or empty when all of them are.
std::optional<std::string> missing_device(Service service, const Devices& devices);

}  // namespace kiosk::engine
