// mprnotify/provider/np_functions.hpp - the NP functions a provider can have, one row each.
//
// Every place that names an NP function is generated from this table: its caps bit and row
// (NPGetCaps), its public entry point (provider_entry_points), its export (MPRNOTIFY_PROVIDER_EXPORT),
// the answer a failed call may give, and the simulated MPR's function pointer. NPGetCaps itself is
// not a row: every provider has it.
//
// ROW(Name, member, x86_bytes, arity, hook, caps_index, caps_bit, operation, sizes_buffer, subject)
//   Name          the plain export name, as npapi.h declares it
//   member        the entry point's name in provider_entry_points and testing::provider
//   x86_bytes     the __stdcall argument bytes (checked against the signature at compile time)
//   arity         the parameter count
//   hook          the hook description that makes a handler have the function
//   caps_index    the NPGetCaps index that announces it (0: MPR finds it by name)
//   caps_bit      the bit announced there (scopes: the scopes the handler enumerates)
//   operation     the operation a failure reports (mprnotify::operation)
//   sizes_buffer  true when the function fills a buffer MPR sized: only the library answers
//                 WN_MORE_DATA there
//   subject       what the call observer (on_call) is told the call was about: name_0 (the first
//                 argument, a name), resource_N (the remote name of the NETRESOURCE argument N) or
//                 none; never a password or a user name
// Adding an NP function: its signature in core/platform_provider.hpp, its hook in
// detail/provider/hooks.hpp, a row here, and its body in detail/provider/*_entry_points.hpp.
#pragma once

// clang-format off
#define MPRNOTIFY_NP_FUNCTIONS(ROW)                                                                                                                                                                        \
  ROW(NPAddConnection,            add_connection,             12, 3, connect_hook,                   wnnc::connection,  wnnc::con_add_connection,           connect,                    false, resource_0) \
  ROW(NPAddConnection3,           add_connection3,            20, 5, connect_hook,                   wnnc::connection,  wnnc::con_add_connection3,          connect,                    false, resource_1) \
  ROW(NPCancelConnection,         cancel_connection,          8,  2, disconnect_hook,                wnnc::connection,  wnnc::con_cancel_connection,        disconnect,                 false, name_0)     \
  ROW(NPGetConnection,            get_connection,             12, 3, connection_of_hook,             wnnc::connection,  wnnc::con_get_connections,          get_connection,             true,  name_0)     \
  ROW(NPGetUniversalName,         get_universal_name,         16, 4, universal_name_of_hook,         0,                 0,                                  get_universal_name,         true,  name_0)     \
  ROW(NPGetUser,                  get_user,                   12, 3, user_of_hook,                   wnnc::user,        wnnc::usr_get_user,                 get_user,                   true,  name_0)     \
  ROW(NPOpenEnum,                 open_enum,                  20, 5, enumerate_hook,                 wnnc::enumeration, scopes,                             open_enum,                  false, resource_3) \
  ROW(NPEnumResource,             enum_resource,              16, 4, enumerate_hook,                 0,                 0,                                  enum_resource,              true,  none)       \
  ROW(NPCloseEnum,                close_enum,                 4,  1, enumerate_hook,                 0,                 0,                                  close_enum,                 false, none)       \
  ROW(NPGetResourceInformation,   get_resource_information,   16, 4, resource_information_hook,      wnnc::dialog,      wnnc::dlg_get_resource_information, get_resource_information,   true,  resource_0) \
  ROW(NPGetResourceParent,        get_resource_parent,        12, 3, resource_parent_hook,           wnnc::dialog,      wnnc::dlg_get_resource_parent,      get_resource_parent,        true,  resource_0) \
  ROW(NPFormatNetworkName,        format_network_name,        20, 5, format_network_name_hook,       wnnc::dialog,      wnnc::dlg_format_network_name,      format_network_name,        true,  name_0)     \
  ROW(NPGetConnection3,           get_connection3,            16, 4, connection_state_of_hook,       0,                 0,                                  get_connection_state,       true,  name_0)     \
  ROW(NPGetConnectionPerformance, get_connection_performance, 8,  2, connection_performance_of_hook, wnnc::connection,  wnnc::con_get_performance,          get_connection_performance, true,  name_0)     \
  ROW(NPLogonNotify,              logon_notify,               32, 8, on_logon_hook,                  0,                 0,                                  logon_notify,               false, none)       \
  ROW(NPPasswordChangeNotify,     password_change_notify,     28, 7, on_password_change_hook,        0,                 0,                                  password_change_notify,     false, none)

// An NP function's parameters (named a0, a1, ...) and the arguments that pass them on, by arity.
#define MPRNOTIFY_DETAIL_NP_PARAM(Name, i) ::mprnotify::platform::parameters<::mprnotify::platform::np_signature::Name>::at<i>
#define MPRNOTIFY_DETAIL_NP_PARAMS_1(N) MPRNOTIFY_DETAIL_NP_PARAM(N, 0) a0
#define MPRNOTIFY_DETAIL_NP_PARAMS_2(N) MPRNOTIFY_DETAIL_NP_PARAMS_1(N), MPRNOTIFY_DETAIL_NP_PARAM(N, 1) a1
#define MPRNOTIFY_DETAIL_NP_PARAMS_3(N) MPRNOTIFY_DETAIL_NP_PARAMS_2(N), MPRNOTIFY_DETAIL_NP_PARAM(N, 2) a2
#define MPRNOTIFY_DETAIL_NP_PARAMS_4(N) MPRNOTIFY_DETAIL_NP_PARAMS_3(N), MPRNOTIFY_DETAIL_NP_PARAM(N, 3) a3
#define MPRNOTIFY_DETAIL_NP_PARAMS_5(N) MPRNOTIFY_DETAIL_NP_PARAMS_4(N), MPRNOTIFY_DETAIL_NP_PARAM(N, 4) a4
#define MPRNOTIFY_DETAIL_NP_PARAMS_6(N) MPRNOTIFY_DETAIL_NP_PARAMS_5(N), MPRNOTIFY_DETAIL_NP_PARAM(N, 5) a5
#define MPRNOTIFY_DETAIL_NP_PARAMS_7(N) MPRNOTIFY_DETAIL_NP_PARAMS_6(N), MPRNOTIFY_DETAIL_NP_PARAM(N, 6) a6
#define MPRNOTIFY_DETAIL_NP_PARAMS_8(N) MPRNOTIFY_DETAIL_NP_PARAMS_7(N), MPRNOTIFY_DETAIL_NP_PARAM(N, 7) a7
#define MPRNOTIFY_DETAIL_NP_ARGS_1 a0
#define MPRNOTIFY_DETAIL_NP_ARGS_2 MPRNOTIFY_DETAIL_NP_ARGS_1, a1
#define MPRNOTIFY_DETAIL_NP_ARGS_3 MPRNOTIFY_DETAIL_NP_ARGS_2, a2
#define MPRNOTIFY_DETAIL_NP_ARGS_4 MPRNOTIFY_DETAIL_NP_ARGS_3, a3
#define MPRNOTIFY_DETAIL_NP_ARGS_5 MPRNOTIFY_DETAIL_NP_ARGS_4, a4
#define MPRNOTIFY_DETAIL_NP_ARGS_6 MPRNOTIFY_DETAIL_NP_ARGS_5, a5
#define MPRNOTIFY_DETAIL_NP_ARGS_7 MPRNOTIFY_DETAIL_NP_ARGS_6, a6
#define MPRNOTIFY_DETAIL_NP_ARGS_8 MPRNOTIFY_DETAIL_NP_ARGS_7, a7
// A row's subject column as an expression over the parameters (the on_call observer's subject).
#define MPRNOTIFY_DETAIL_NP_SUBJECT_none ::mprnotify::nullable_wstring{}
#define MPRNOTIFY_DETAIL_NP_SUBJECT_name_0 ::mprnotify::detail::subject_name(a0)
#define MPRNOTIFY_DETAIL_NP_SUBJECT_resource_0 ::mprnotify::detail::subject_resource(a0)
#define MPRNOTIFY_DETAIL_NP_SUBJECT_resource_1 ::mprnotify::detail::subject_resource(a1)
#define MPRNOTIFY_DETAIL_NP_SUBJECT_resource_3 ::mprnotify::detail::subject_resource(a3)
#define MPRNOTIFY_DETAIL_NP_PARAMS(N, arity) MPRNOTIFY_DETAIL_NP_PARAMS_##arity(N)
#define MPRNOTIFY_DETAIL_NP_ARGS(arity) MPRNOTIFY_DETAIL_NP_ARGS_##arity
// clang-format on
