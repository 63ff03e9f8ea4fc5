#include "firmware/engine/services.hpp"

namespace kiosk::engine {

bool prints_card(Service service) {
  return service != Service::info_query;
}

const std::vector<Stage>& stages(Service service) {
  using enum Stage;
  static const std::vector<Stage> renewal = {identify, consent, face,    eligibility,
                                             photo,    confirm, payment, issuance,
                                             print,    take,    receipt, elicence};
  static const std::vector<Stage> replace_damaged = {
      identify, consent,  face,  eligibility, photo,   confirm, old_card,
      payment,  issuance, print, take,        receipt, elicence};
  static const std::vector<Stage> info_query = {identify, consent, face, eligibility, licence_info};
  switch (service) {
    case Service::renewal:
    case Service::replace_lost:
      return renewal;
    case Service::replace_damaged:
      return replace_damaged;
    case Service::info_query:
      return info_query;
  }
  return renewal;
}

namespace {

// The step that shows a stage done on the progress bar; nullopt for stages the citizen does
// not see as a step of their own (the query's answer, the receipt, the e-licence).
std::optional<Step> progress_step(Stage stage) {
  switch (stage) {
    case Stage::identify:
      return Step::identified;
    case Stage::consent:
      return Step::consent;
    case Stage::face:
      return Step::face_verified;
    case Stage::eligibility:
      return Step::eligibility;
    case Stage::photo:
      return Step::photo_accepted;
    case Stage::confirm:
      return Step::details_confirmed;
    case Stage::old_card:
      return Step::old_card_returned;
    case Stage::payment:
      return Step::payment_charged;
    case Stage::issuance:
      return Step::issuance_authorised;
    case Stage::print:
      return Step::card_printed;
    case Stage::take:
      return Step::card_taken;
    case Stage::licence_info:
    case Stage::receipt:
    case Stage::elicence:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::vector<Step> progress_steps(Service service) {
  std::vector<Step> out;
  for (Stage stage : stages(service))
    if (auto step = progress_step(stage)) out.push_back(*step);
  out.push_back(Step::completed);
  return out;
}

}  // namespace kiosk::engine
