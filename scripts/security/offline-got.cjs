// `got` for electronegativity on machines without internet: every request fails at once.
function offlineGot() {
  return Promise.reject(new Error('network disabled: the build machines have no internet access'));
}
offlineGot.get = offlineGot;
module.exports = offlineGot;
module.exports.default = offlineGot;
