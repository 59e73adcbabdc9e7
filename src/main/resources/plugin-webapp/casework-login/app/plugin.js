// Staff sign in once, at the application's login page (/login); this web application's own
// login view is never used. Whenever it would appear (after logging out, or when the session
// has ended), the browser goes to the one login instead.
(function () {
  var base = document.querySelector('base');
  // <base> is <context>/camunda/app/<app>/<engine>/; the login page is <context>/login.
  var login = new URL('../../../../login', base ? base.href : document.baseURI).href;

  function leaveOwnLoginView() {
    if (window.location.hash.indexOf('#/login') === 0) {
      window.location.replace(login);
    }
  }

  leaveOwnLoginView();
  window.addEventListener('hashchange', leaveOwnLoginView);
})();
