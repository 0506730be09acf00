// `npm start` after install: the apps come in later issues; for now say so and show the domain.
console.log("Cirrus Shield Support — the apps (help center, portal, API) are not built yet.");
console.log("`npm test` runs the domain package's tests.");
