#pragma once
// The synthetic picture an emulated camera sees: a person's head and shoulders in front of a
// light wall, moving slightly from frame to frame, with a little sensor noise. Deterministic
// for a given (scene, size, frame number).

#include <cstdint>

#include "hal/image.hpp"

namespace kiosk::drivers::emu {

enum class CameraScene {
  face,   // head (hair, skin-tone oval, eyes, mouth), neck and shoulders
  empty,  // the wall alone: nobody in front of the kiosk
};

// Bounding box of the face oval (skin) in a frame of this size, covering its motion.
hal::Rect synthetic_face_region(int width, int height);

hal::RgbImage render_scene(CameraScene scene, int width, int height, std::uint32_t frame);

}  // namespace kiosk::drivers::emu
