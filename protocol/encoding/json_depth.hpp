#pragma once
// How deeply JSON text nests, measured before a parser sees it: untrusted text (a sync
// request, a local-API line) that nests too deeply is refused without costing stack or memory.
#include <cstddef>
#include <limits>
#include <string_view>

namespace kiosk::protocol {

// The deepest nesting of arrays and objects in `text` (strings skipped); no allocation. Stops
// early once it exceeds `stop_above`, so a limit check reads only as far as it must.
std::size_t json_nesting_depth(std::string_view text,
                               std::size_t stop_above = std::numeric_limits<std::size_t>::max());

}  // namespace kiosk::protocol
