#include "firmware/sync/errors.hpp"

#include <curl/curl.h>

#include <nlohmann/json.hpp>

#include "protocol/enum_names.hpp"

namespace kiosk::sync {

constexpr auto kErrcNames =
    KIOSK_ENUM_NAMES(Errc, unreachable, timeout, tls, circuit_open, rejected, server,
                     invalid_response, invalid_argument, outbox, cancelled, internal);

std::string_view to_string(Errc code) {
  return protocol::name_of(kErrcNames, code, "internal");
}

bool SyncError::retryable() const {
  switch (code) {
    case Errc::unreachable:
    case Errc::timeout:
    case Errc::circuit_open:
    case Errc::server:
    case Errc::outbox:
      return true;
    case Errc::rejected:
      return api_code == "idempotency_in_progress";
    default:
      return false;
  }
}

SyncError make_error(Errc code, std::string message) {
  SyncError e;
  e.code = code;
  e.message = std::move(message);
  return e;
}

SyncError from_curl_failure(const CurlFailure& failure, std::string_view route) {
  const int curl_code = failure.curl_code;
  const bool response_too_large = failure.response_too_large;
  const std::string_view detail = failure.detail;
  const auto c = static_cast<CURLcode>(curl_code);
  Errc code = Errc::unreachable;
  switch (c) {
    case CURLE_OPERATION_TIMEDOUT:
      code = Errc::timeout;
      break;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_USE_SSL_FAILED:
      code = Errc::tls;
      break;
    case CURLE_ABORTED_BY_CALLBACK:
      code = Errc::cancelled;
      break;
    case CURLE_WRITE_ERROR:
      code = response_too_large ? Errc::invalid_response : Errc::internal;
      break;
    case CURLE_FAILED_INIT:
    case CURLE_OUT_OF_MEMORY:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_NOT_BUILT_IN:
    case CURLE_BAD_FUNCTION_ARGUMENT:
    case CURLE_UNKNOWN_OPTION:
      code = Errc::internal;
      break;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
      // TLS 1.3 verifies the client certificate after the client's Finished: a refused
      // certificate reaches us as an alert on the first read or write.
      code = (failure.closed_after_handshake || detail.find("SSL") != std::string_view::npos ||
              detail.find("alert") != std::string_view::npos ||
              detail.find("certificate") != std::string_view::npos)
                 ? Errc::tls
                 : Errc::unreachable;
      break;
    default:
      // COULDNT_CONNECT, COULDNT_RESOLVE_HOST, SEND_ERROR, RECV_ERROR, GOT_NOTHING, ...:
      // the office cannot be reached (a server that drops the TLS session after the
      // handshake because it dislikes the certificate also lands here as RECV_ERROR).
      code = Errc::unreachable;
      break;
  }
  std::string message = std::string(route) + ": " + curl_easy_strerror(c);
  if (!detail.empty()) message += " (" + std::string(detail) + ")";
  SyncError e = make_error(code, std::move(message));
  e.curl_code = curl_code;
  if (response_too_large) e.message = std::string(route) + ": response body over the limit";
  return e;
}

SyncError from_http_answer(int http_status, std::string_view body, std::string_view route) {
  Errc code = Errc::invalid_response;
  if (http_status >= 400 && http_status < 500) code = Errc::rejected;
  if (http_status >= 500 && http_status < 600) code = Errc::server;
  SyncError e = make_error(code, std::string(route) + ": HTTP " + std::to_string(http_status));
  e.http_status = http_status;
  const auto j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_object()) {
    const auto err = j.find("error");
    if (err != j.end() && err->is_object()) {
      const auto c = err->find("code");
      if (c != err->end() && c->is_string() && c->get_ref<const std::string&>().size() <= 64) {
        e.api_code = c->get<std::string>();
        e.message += " " + e.api_code;
      }
      const auto seq = err->find("expected_sequence");
      if (seq != err->end() && seq->is_number_unsigned()) {
        e.expected_sequence = seq->get<std::uint64_t>();
      }
    }
  }
  return e;
}

}  // namespace kiosk::sync
