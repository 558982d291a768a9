// Helpers every test folder uses (factories, drivers, worlds, mailbox): tests/Api.Tests/Support.
global using Api.Tests.Support;
