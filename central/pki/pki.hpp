#pragma once
// Convenience header: the whole central PKI library (kiosk_central_pki) and the protocol's
// key, signature and enrolment code it builds on.
#include "central/pki/authority.hpp"
#include "central/pki/errors.hpp"
#include "central/pki/files.hpp"
#include "central/pki/revocation.hpp"
#include "central/pki/tokens.hpp"
#include "protocol/crypto/enrolment.hpp"
#include "protocol/crypto/keys.hpp"
#include "protocol/crypto/signature.hpp"
