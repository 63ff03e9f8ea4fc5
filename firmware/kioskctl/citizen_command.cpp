// `kioskctl citizen`: the scripted citizen (firmware/citizen) as a kioskctl command.
//   kioskctl citizen [--service renewal|replace_lost|replace_damaged|info_query]
//                    [--who ID_NUMBER|SCENARIO] [--code PAYMENT_CODE] [--language zh|en]
//                    [--timeout SECONDS]
// Prints each step with the elapsed time, then the card and receipt PNG paths; with --json a
// report object. Exit 0 when the service completed, 1 otherwise, 3 when kioskd is unreachable.
#include <ostream>

#include "firmware/citizen/citizen.hpp"
#include "firmware/kioskctl/arguments.hpp"
#include "firmware/kioskctl/kioskctl.hpp"

namespace kiosk::kioskctl {

Command citizen_command() {
  return Command{
      {"citizen"},
      "citizen [--service S] [--who ID|SCENARIO] [--code CODE] [--language zh|en] [--timeout S]",
      "run a whole service as a scripted citizen on the emulators (simulation)",
      [](Context& ctx, const std::vector<std::string>& args) -> int {
        auto parsed = parse_arguments(
            args, {"--service", "--who", "--code", "--language", "--timeout"}, {}, 0, 0);
        if (!parsed.arguments) return ctx.fail(exit_usage, parsed.error);
        const Arguments& a = *parsed.arguments;
        citizen::CitizenOptions o;
        o.socket = ctx.socket();
        o.service = a.value("--service").value_or("renewal");
        o.who = a.value("--who").value_or("");
        o.language = a.value("--language").value_or("zh");
        if (auto code = a.value("--code")) o.payment_code = *code;
        if (auto t = a.value("--timeout")) {
          auto n = parse_count(*t);
          if (!n || *n == 0) return ctx.fail(exit_usage, "--timeout: seconds, a positive integer");
          o.timeout = std::chrono::seconds(*n);
        }
        if (!ctx.json_output())
          o.log = [&ctx](const std::string& line) { ctx.out() << line << '\n'; };
        const auto r = citizen::run_citizen(o);
        if (r.final_screen == "unreachable")
          return ctx.fail(exit_unreachable, "kioskd unreachable: " + r.error);
        nlohmann::json report{{"completed", r.completed},
                              {"final_screen", r.final_screen},
                              {"error", r.error},
                              {"elapsed_seconds", r.elapsed_seconds},
                              {"screens", r.screens},
                              {"card_images", r.card_images},
                              {"receipt_image", r.receipt_image}};
        if (ctx.json_output()) {
          ctx.print(report);
        } else {
          ctx.out() << (r.completed ? "completed"
                                    : "NOT completed: " + r.final_screen + " " + r.error)
                    << " in " << r.elapsed_seconds << " s\n";
        }
        return r.completed ? int{exit_ok} : int{exit_failed};
      }};
}

}  // namespace kiosk::kioskctl
