#pragma once
// Convenience header: the whole licence registry library (kiosk_central_registry).
#include "central/registry/eligibility.hpp"
#include "central/registry/errors.hpp"
#include "central/registry/issuance.hpp"
#include "central/registry/licence.hpp"
#include "central/registry/seed.hpp"
#include "protocol/documents/id_number.hpp"
