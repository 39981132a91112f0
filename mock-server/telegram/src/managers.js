// Telegram stand-in, part managers: BiometricManager and LocationManager.
// One of the parts scripts/standIn.ts joins, in one scope, into ../telegram-web-app.js.
// The two managers whose "init" is a question to the client; a test machine has neither sensor.
Object.assign(webApp.BiometricManager, {
  isInited: false,
  isBiometricAvailable: false,
  biometricType: 'unknown',
  isAccessRequested: false,
  isAccessGranted: false,
  isBiometricTokenSaved: false,
  deviceId: '',
  init: (cb) => (
    post('web_app_biometry_get_info', undefined),
    (webApp.BiometricManager.isInited = true),
    later(() => (emit('biometricManagerUpdated', undefined), cb && cb())),
    webApp.BiometricManager
  ),
  requestAccess: (p, cb) => (
    post('web_app_biometry_request_access', { reason: p && p.reason }),
    later(() => cb && cb(false)),
    webApp.BiometricManager
  ),
  authenticate: (p, cb) => (
    post('web_app_biometry_request_auth', { reason: p && p.reason }),
    later(() => cb && cb(false)),
    webApp.BiometricManager
  ),
  updateBiometricToken: (token, cb) => (
    post('web_app_biometry_update_token', { token }),
    later(() => cb && cb(true)),
    webApp.BiometricManager
  ),
  openSettings: () => (post('web_app_biometry_open_settings', undefined), webApp.BiometricManager),
});
Object.assign(webApp.LocationManager, {
  isInited: false,
  isLocationAvailable: false,
  isAccessRequested: false,
  isAccessGranted: false,
  init: (cb) => (
    post('web_app_check_location', undefined),
    (webApp.LocationManager.isInited = true),
    later(() => (emit('locationManagerUpdated', undefined), cb && cb())),
    webApp.LocationManager
  ),
  getLocation: (cb) => (
    post('web_app_request_location', undefined),
    later(() => cb(null)),
    webApp.LocationManager
  ),
  openSettings: () => (post('web_app_open_location_settings', undefined), webApp.LocationManager),
});
