#pragma once
// The id a person types for a record (`roll history delete/restore/purge`): its uid as `roll
// history --json` and `roll history deleted` show it, or UID@DEVICE when records of more than one
// device share the uid (a record is its device and its uid), DEVICE being the first characters
// of the device's id. An id that names several records is refused with how to name each.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace roll::cli {

struct NamedRecord {
  std::string uid;
  std::string device;  // the device whose record it is; "" when no record here has the id
};

// `devices_of(uid)`: the devices that hold a record of that uid, as the command sees them.
// Throws Failure (exit_usage) when the id names more than one record.
[[nodiscard]] NamedRecord resolve_record_id(
    std::string_view typed,
    const std::function<std::vector<std::string>(const std::string&)>& devices_of);

// "UID@DEVICE" with the shortest beginning of each device id (eight characters at least) that
// tells `devices` apart.
[[nodiscard]] std::vector<std::string> record_names(const std::string& uid,
                                                    const std::vector<std::string>& devices);

}  // namespace roll::cli
