// @ts-nocheck: Faker 6's locale entry points ship no types; this file only passes the instance on.
// Faker with its English locale only, for the mock's build: Prism asks for the whole of Faker (all
// its locales, 12 MB) and uses its default instance, in English. mock/build.mjs puts this module in
// its place, which cut the worker's build to a third.
const { faker } = require("@faker-js/faker/locale/en");

module.exports = { default: faker, faker };
