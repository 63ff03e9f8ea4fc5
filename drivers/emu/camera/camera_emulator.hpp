#pragma once
// An in-process UVC-like camera behind the V4l2Device interface.
//
// The CameraEmulator is the camera itself (modes, scene, faults, the USB plug); make_device()
// returns what opening its /dev/video node would give a driver. Modes: YUYV 320x240 and
// 640x480, MJPEG 640x480 and 1280x720. Frames come at about 30 fps (33 ms, scaled by
// KIOSK_EMU_TIME_SCALE) and show render_scene() (face_scene.hpp); MJPEG frames are real
// baseline JPEGs (libjpeg-turbo).
//
// Faults (faults()):
//   unplugMidCommand  the next DQBUF unplugs the camera and fails "disconnected"
//   noAnswer          the next DQBUF gets no frame and waits its whole timeout
//   garbage           the next frame is corrupt (MJPEG: damaged and truncated; YUYV: short)
// Controls: power-line frequency (starts at 60 Hz), exposure (aperture-priority auto, settled
// at 166), exposure auto priority, auto white balance (on, settled at 5100 K); frame rates
// 30, 15 and 5 fps through set_frame_rate (frames keep their ~30 fps pace). A replug resets
// them, as a UVC camera powers up with its defaults.
// unplug()/replug() pull and reconnect the cable: handles opened before stay dead
// ("disconnected") until reopened, as a real /dev/video node would. set_scene(empty) shows
// nobody in front of the camera.
//
// Like V4L2, only one handle may own buffers at a time (others get "busy"), buffers must be
// unmapped before REQBUFS(0), and mappings stay readable after a disconnect until unmapped.

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "drivers/camera/v4l2_device.hpp"
#include "drivers/emu/camera/face_scene.hpp"
#include "drivers/emu/common/faults.hpp"

namespace kiosk::drivers::emu {

class CameraEmulator : public std::enable_shared_from_this<CameraEmulator> {
 public:
  static std::shared_ptr<CameraEmulator> create(std::string name = "camera");

  // A handle on the camera's device node, not opened yet. It keeps the camera alive.
  std::unique_ptr<drivers::V4l2Device> make_device();

  std::vector<hal::CameraMode> modes() const;
  FaultInjector& faults() { return faults_; }
  const std::string& name() const { return name_; }

  void unplug();
  void replug();
  bool plugged() const;
  void set_scene(CameraScene scene);
  CameraScene scene() const;
  // Who stands in front of the camera while the scene is `face`: a renderer of the whole frame
  // (width, height, frame number; must return exactly width x height). Empty: the built-in
  // synthetic person. Lets a simulator show the same face as a citizen's registry photo.
  using SceneRenderer = std::function<hal::RgbImage(int width, int height, std::uint32_t frame)>;
  void set_scene_renderer(SceneRenderer renderer);

  // What a test can check after a driver is done with the camera.
  int open_handles() const;
  int mapped_buffers() const;
  bool streaming() const;
  std::uint64_t frames_delivered() const;
  std::map<drivers::V4l2Control, std::int32_t> controls() const;
  int frame_rate() const;

 private:
  friend class EmulatedV4l2Device;
  explicit CameraEmulator(std::string name);

  std::string name_;
  FaultInjector faults_;
  // Guards the camera and the state of every handle; cv_ wakes DQBUF waits on frame time,
  // interrupt and unplug.
  mutable std::mutex m_;
  std::condition_variable cv_;
  bool plugged_ = true;
  std::uint64_t generation_ = 0;  // bumped by every unplug: older handles are dead
  CameraScene scene_ = CameraScene::face;
  SceneRenderer renderer_;
  const void* buffer_owner_ = nullptr;
  int open_handles_ = 0;
  int mapped_ = 0;
  bool streaming_ = false;
  std::uint64_t frames_ = 0;
  std::map<drivers::V4l2Control, std::int32_t> controls_;
  int frame_rate_ = 30;
};

}  // namespace kiosk::drivers::emu
