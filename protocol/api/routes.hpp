#pragma once
// The sync API's routes (docs/sync-api.yaml) as the kiosk calls them and the office serves
// them, and the shapes of the identifiers that travel in them.
#include <string>
#include <string_view>

namespace kiosk::protocol::routes {

inline constexpr std::string_view kPrefix = "/v1/";
inline constexpr std::string_view kEnrol = "/v1/enrol";
inline constexpr std::string_view kEvents = "/v1/events";
inline constexpr std::string_view kEventsAck = "/v1/events/ack";
inline constexpr std::string_view kHeartbeat = "/v1/heartbeat";
inline constexpr std::string_view kConfig = "/v1/config";  // ?have=<version>
inline constexpr std::string_view kEligibility = "/v1/decisions/eligibility";
inline constexpr std::string_view kFaceMatch = "/v1/decisions/face-match";
inline constexpr std::string_view kIssuances = "/v1/issuances";
inline constexpr std::string_view kElicenceReissue = "/v1/elicence/reissue";
inline constexpr std::string_view kPayments = "/v1/payments";
inline constexpr std::string_view kFleet = "/v1/fleet";  // office operators only
// /v1/payments/{id}/<action>
inline constexpr std::string_view kCharge = "charge";
inline constexpr std::string_view kRefund = "refund";
inline constexpr std::string_view kCancel = "cancel";

// "/v1/payments/<order_id>" or, with an action, "/v1/payments/<order_id>/<action>".
std::string payment(std::string_view order_id, std::string_view action = {});

// An Idempotency-Key header: 1..128 of [A-Za-z0-9._:-].
bool valid_idempotency_key(std::string_view key);
// An object id in a path (a payment order): 1..64 of [A-Za-z0-9_-].
bool valid_object_id(std::string_view id);

}  // namespace kiosk::protocol::routes
