// mprnotify/core/status.hpp - WN_* status codes as a strong type, their messages, std::error_code.
//
// The values are the Win32 error codes winnetwk.h defines the WN_* names as. The type is an open
// enumeration: any DWORD MPR hands over (dwOperationStatus) is representable, named or not. Every
// WN_* name of winnetwk.h is here; the two that repeat a value (WN_NO_ERROR, WN_WINDOWS_ERROR) are
// aliases, and name() gives the first name of a value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace mprnotify {

/// A WN_* status code: what a notifyee returns and what an operation's provider call returned.
enum class wn_status : std::uint32_t {
    success = 0,                             // WN_SUCCESS
    no_error = success,                      // WN_NO_ERROR = NO_ERROR
    access_denied = 5,                       // WN_ACCESS_DENIED = ERROR_ACCESS_DENIED
    bad_handle = 6,                          // WN_BAD_HANDLE = ERROR_INVALID_HANDLE
    out_of_memory = 8,                       // WN_OUT_OF_MEMORY = ERROR_NOT_ENOUGH_MEMORY
    device_error = 31,                       // WN_DEVICE_ERROR = ERROR_GEN_FAILURE
    not_supported = 50,                      // WN_NOT_SUPPORTED = ERROR_NOT_SUPPORTED
    net_error = 59,                          // WN_NET_ERROR = ERROR_UNEXP_NET_ERR
    windows_error = net_error,               // WN_WINDOWS_ERROR = ERROR_UNEXP_NET_ERR
    bad_dev_type = 66,                       // WN_BAD_DEV_TYPE = ERROR_BAD_DEV_TYPE
    bad_netname = 67,                        // WN_BAD_NETNAME = ERROR_BAD_NET_NAME
    already_connected = 85,                  // WN_ALREADY_CONNECTED = ERROR_ALREADY_ASSIGNED
    bad_password = 86,                       // WN_BAD_PASSWORD = ERROR_INVALID_PASSWORD
    bad_value = 87,                          // WN_BAD_VALUE = ERROR_INVALID_PARAMETER
    bad_level = 124,                         // WN_BAD_LEVEL = ERROR_INVALID_LEVEL
    function_busy = 170,                     // WN_FUNCTION_BUSY = ERROR_BUSY
    more_data = 234,                         // WN_MORE_DATA = ERROR_MORE_DATA
    no_more_entries = 259,                   // WN_NO_MORE_ENTRIES = ERROR_NO_MORE_ITEMS
    bad_pointer = 487,                       // WN_BAD_POINTER = ERROR_INVALID_ADDRESS
    bad_localname = 1200,                    // WN_BAD_LOCALNAME = ERROR_BAD_DEVICE
    connection_closed = 1201,                // WN_CONNECTION_CLOSED = ERROR_CONNECTION_UNAVAIL
    device_already_remembered = 1202,        // WN_DEVICE_ALREADY_REMEMBERED = ERROR_DEVICE_ALREADY_REMEMBERED
    no_net_or_bad_path = 1203,               // WN_NO_NET_OR_BAD_PATH = ERROR_NO_NET_OR_BAD_PATH
    bad_provider = 1204,                     // WN_BAD_PROVIDER = ERROR_BAD_PROVIDER
    cannot_open_profile = 1205,              // WN_CANNOT_OPEN_PROFILE = ERROR_CANNOT_OPEN_PROFILE
    bad_profile = 1206,                      // WN_BAD_PROFILE = ERROR_BAD_PROFILE
    not_container = 1207,                    // WN_NOT_CONTAINER = ERROR_NOT_CONTAINER
    extended_error = 1208,                   // WN_EXTENDED_ERROR = ERROR_EXTENDED_ERROR
    no_network = 1222,                       // WN_NO_NETWORK = ERROR_NO_NETWORK
    cancel = 1223,                           // WN_CANCEL = ERROR_CANCELLED
    retry = 1237,                            // WN_RETRY = ERROR_RETRY
    not_authenticated = 1244,                // WN_NOT_AUTHENTICATED = ERROR_NOT_AUTHENTICATED
    not_logged_on = 1245,                    // WN_NOT_LOGGED_ON = ERROR_NOT_LOGGED_ON
    not_initializing = 1247,                 // WN_NOT_INITIALIZING = ERROR_ALREADY_INITIALIZED
    no_more_devices = 1248,                  // WN_NO_MORE_DEVICES = ERROR_NO_MORE_DEVICES
    not_validated = 1311,                    // WN_NOT_VALIDATED = ERROR_NO_LOGON_SERVERS
    connected_other_password = 2108,         // WN_CONNECTED_OTHER_PASSWORD = ERROR_CONNECTED_OTHER_PASSWORD
    connected_other_password_default = 2109, // WN_CONNECTED_OTHER_PASSWORD_DEFAULT = ERROR_ of that name
    bad_user = 2202,                         // WN_BAD_USER = ERROR_BAD_USERNAME
    not_connected = 2250,                    // WN_NOT_CONNECTED = ERROR_NOT_CONNECTED
    open_files = 2401,                       // WN_OPEN_FILES = ERROR_OPEN_FILES
    device_in_use = 2404,                    // WN_DEVICE_IN_USE = ERROR_DEVICE_IN_USE
};

/// The raw DWORD value.
[[nodiscard]] constexpr std::uint32_t to_underlying(wn_status status) noexcept
{
    return static_cast<std::uint32_t>(status);
}

/// The WN_* name ("WN_CANCEL"), or an empty view for a value without one.
[[nodiscard]] constexpr std::string_view name(wn_status status) noexcept
{
    switch (status) {
    case wn_status::success: return "WN_SUCCESS";
    case wn_status::access_denied: return "WN_ACCESS_DENIED";
    case wn_status::bad_handle: return "WN_BAD_HANDLE";
    case wn_status::out_of_memory: return "WN_OUT_OF_MEMORY";
    case wn_status::device_error: return "WN_DEVICE_ERROR";
    case wn_status::not_supported: return "WN_NOT_SUPPORTED";
    case wn_status::net_error: return "WN_NET_ERROR";
    case wn_status::bad_dev_type: return "WN_BAD_DEV_TYPE";
    case wn_status::bad_netname: return "WN_BAD_NETNAME";
    case wn_status::already_connected: return "WN_ALREADY_CONNECTED";
    case wn_status::bad_password: return "WN_BAD_PASSWORD";
    case wn_status::bad_value: return "WN_BAD_VALUE";
    case wn_status::bad_level: return "WN_BAD_LEVEL";
    case wn_status::function_busy: return "WN_FUNCTION_BUSY";
    case wn_status::more_data: return "WN_MORE_DATA";
    case wn_status::no_more_entries: return "WN_NO_MORE_ENTRIES";
    case wn_status::bad_pointer: return "WN_BAD_POINTER";
    case wn_status::bad_localname: return "WN_BAD_LOCALNAME";
    case wn_status::connection_closed: return "WN_CONNECTION_CLOSED";
    case wn_status::device_already_remembered: return "WN_DEVICE_ALREADY_REMEMBERED";
    case wn_status::no_net_or_bad_path: return "WN_NO_NET_OR_BAD_PATH";
    case wn_status::bad_provider: return "WN_BAD_PROVIDER";
    case wn_status::cannot_open_profile: return "WN_CANNOT_OPEN_PROFILE";
    case wn_status::bad_profile: return "WN_BAD_PROFILE";
    case wn_status::not_container: return "WN_NOT_CONTAINER";
    case wn_status::extended_error: return "WN_EXTENDED_ERROR";
    case wn_status::no_network: return "WN_NO_NETWORK";
    case wn_status::cancel: return "WN_CANCEL";
    case wn_status::retry: return "WN_RETRY";
    case wn_status::not_authenticated: return "WN_NOT_AUTHENTICATED";
    case wn_status::not_logged_on: return "WN_NOT_LOGGED_ON";
    case wn_status::not_initializing: return "WN_NOT_INITIALIZING";
    case wn_status::no_more_devices: return "WN_NO_MORE_DEVICES";
    case wn_status::not_validated: return "WN_NOT_VALIDATED";
    case wn_status::connected_other_password: return "WN_CONNECTED_OTHER_PASSWORD";
    case wn_status::connected_other_password_default: return "WN_CONNECTED_OTHER_PASSWORD_DEFAULT";
    case wn_status::bad_user: return "WN_BAD_USER";
    case wn_status::not_connected: return "WN_NOT_CONNECTED";
    case wn_status::open_files: return "WN_OPEN_FILES";
    case wn_status::device_in_use: return "WN_DEVICE_IN_USE";
    }
    return {};
}

/// A short English description, or "unknown WN status" for a value without a name.
[[nodiscard]] constexpr std::string_view message(wn_status status) noexcept
{
    switch (status) {
    case wn_status::success: return "the operation succeeded";
    case wn_status::access_denied: return "access denied";
    case wn_status::bad_handle: return "invalid handle";
    case wn_status::out_of_memory: return "not enough memory";
    case wn_status::device_error: return "device error";
    case wn_status::not_supported: return "the request is not supported";
    case wn_status::net_error: return "unexpected network error";
    case wn_status::bad_dev_type: return "the device type does not match the resource";
    case wn_status::bad_netname: return "the network name cannot be found";
    case wn_status::already_connected: return "the local device name is already in use";
    case wn_status::bad_password: return "invalid password";
    case wn_status::bad_value: return "invalid parameter";
    case wn_status::bad_level: return "the information level is not valid";
    case wn_status::function_busy: return "the resource is busy";
    case wn_status::more_data: return "more data is available";
    case wn_status::no_more_entries: return "no more entries";
    case wn_status::bad_pointer: return "invalid pointer";
    case wn_status::bad_localname: return "invalid local device name";
    case wn_status::connection_closed: return "the connection is unavailable";
    case wn_status::device_already_remembered:
        return "the local device name has a remembered connection to another network resource";
    case wn_status::no_net_or_bad_path: return "no network provider accepted the network path";
    case wn_status::bad_provider: return "invalid network provider";
    case wn_status::cannot_open_profile: return "the network connection profile cannot be opened";
    case wn_status::bad_profile: return "the network connection profile is corrupted";
    case wn_status::not_container: return "the resource is not a container";
    case wn_status::extended_error: return "a provider-specific error occurred";
    case wn_status::no_network: return "the network is not present or not started";
    case wn_status::cancel: return "the operation was cancelled";
    case wn_status::retry: return "the operation should be retried";
    case wn_status::not_authenticated: return "the user has not been authenticated";
    case wn_status::not_logged_on: return "the user has not logged on to the network";
    case wn_status::not_initializing: return "initialization has already been completed";
    case wn_status::no_more_devices: return "no more local devices";
    case wn_status::not_validated: return "no logon server is available to validate the logon";
    case wn_status::connected_other_password: return "connected, with a password other than the one given";
    case wn_status::connected_other_password_default: return "connected, with the default credentials";
    case wn_status::bad_user: return "invalid user name";
    case wn_status::not_connected: return "the network connection does not exist";
    case wn_status::open_files: return "there are open files or requests on the connection";
    case wn_status::device_in_use: return "the device is in use";
    }
    return "unknown WN status";
}

/// The name of the std::error_category of wn_status values.
inline constexpr const char* wn_category_name = "mprnotify.wn";

/// The std::error_category of wn_status values ("mprnotify.wn").
class wn_category_type final : public std::error_category {
public:
    [[nodiscard]] const char* name() const noexcept override { return wn_category_name; }
    [[nodiscard]] std::string message(int value) const override
    {
        return std::string{mprnotify::message(static_cast<wn_status>(value))};
    }
};

[[nodiscard]] inline const std::error_category& wn_category() noexcept
{
    static const wn_category_type category;
    return category;
}

/// Found by ADL: lets a wn_status convert to std::error_code.
[[nodiscard]] inline std::error_code make_error_code(wn_status status) noexcept
{
    return {static_cast<int>(to_underlying(status)), wn_category()};
}

/// An exception a hook may throw to answer MPR with a specific WN code.
class wn_error : public std::system_error {
public:
    explicit wn_error(wn_status status) : std::system_error(make_error_code(status)) {}
    wn_error(wn_status status, const char* what) : std::system_error(make_error_code(status), what) {}
    [[nodiscard]] wn_status status() const noexcept
    {
        return static_cast<wn_status>(static_cast<std::uint32_t>(code().value()));
    }
};

} // namespace mprnotify

template <>
struct std::is_error_code_enum<mprnotify::wn_status> : std::true_type {
};
