#pragma once
// Convenience header: the whole central PKI library (kiosk_central_pki).
#include "central/pki/authority.hpp"
#include "central/pki/errors.hpp"
#include "central/pki/files.hpp"
#include "central/pki/keys.hpp"
#include "central/pki/revocation.hpp"
#include "central/pki/signing.hpp"
#include "central/pki/tokens.hpp"
