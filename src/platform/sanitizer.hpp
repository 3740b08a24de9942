#pragma once
// Whether this build runs under AddressSanitizer (GCC says so with __SANITIZE_ADDRESS__, clang
// with __has_feature). Some shortcuts of the release binary step aside for it, so that the
// sanitizer sees every block and its leak check runs at exit.

namespace roll::platform {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitizer = true;
#else
inline constexpr bool kAddressSanitizer = false;
#endif
#else
inline constexpr bool kAddressSanitizer = false;
#endif

}  // namespace roll::platform
