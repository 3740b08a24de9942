// Placeholder seam so `roll session` can link before the rules land (issue #3 replaces this file).
#include "roll/lint.hpp"

namespace roll {

std::vector<Diagnostic> lint_routine(const Routine&, std::string_view) { return {}; }

}  // namespace roll
