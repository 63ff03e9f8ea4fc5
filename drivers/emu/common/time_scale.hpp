#pragma once
// Emulators keep a real device's timings (a card print takes seconds). Tests and demos turn
// them down with a scale: KIOSK_EMU_TIME_SCALE=0.01 makes every delay a hundredth; 0 removes
// them. The scale is read once from the environment and can be changed at run time.

#include <chrono>

namespace kiosk::drivers::emu {

double time_scale();
void set_time_scale(double scale);  // clamps to >= 0

// A realistic device delay, scaled.
std::chrono::milliseconds scaled(std::chrono::milliseconds real);

// Sleeps for a scaled realistic delay. Returns early (false) if `interrupted` turns true.
bool device_delay(std::chrono::milliseconds real, const bool* interrupted = nullptr);

}  // namespace kiosk::drivers::emu
