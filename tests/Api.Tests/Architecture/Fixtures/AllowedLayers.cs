// Fixtures for LayerRuleTests: every reference the layering allows, and nothing else, so each
// rule must pass here (a rule that forbids too much fails this, not only the Api).
#pragma warning disable CA1822 // The members exist to be compiled, never called.

namespace LayerFixtures.Allowed.Shared
{
    public sealed class Clock;
}

namespace LayerFixtures.Allowed.Mail
{
    public sealed class Outbox
    {
        public object Reach() => new Shared.Clock();
    }
}

namespace LayerFixtures.Allowed.Audit
{
    public sealed class AuditLog
    {
        public object Reach() => new Shared.Clock();
    }
}

namespace LayerFixtures.Allowed.Webhooks
{
    public sealed class WebhookEvents
    {
        public object[] Reach() => [new Shared.Clock(), new Mail.Outbox(), new Audit.AuditLog()];
    }
}

namespace LayerFixtures.Allowed.Sso
{
    public sealed class Account
    {
        public object[] Reach() => [new Shared.Clock(), new Mail.Outbox(), new Audit.AuditLog()];
    }
}

namespace LayerFixtures.Allowed.Data
{
    public sealed class Database
    {
        public object[] Reach() => [new Sso.Account(), new Portal.EndUser(), new SsoMigration.Batch()];
    }
}

namespace LayerFixtures.Allowed.Portal
{
    public sealed class EndUser
    {
        public object[] Reach() => [new Shared.Clock(), new Sso.Account(), new Mail.Outbox(), new Audit.AuditLog(), new Data.Database(), new Webhooks.WebhookEvents()];
    }
}

namespace LayerFixtures.Allowed.SsoMigration
{
    public sealed class Batch
    {
        public object[] Reach() => [new Portal.EndUser(), new Sso.Account(), new Data.Database()];
    }
}

namespace LayerFixtures.Allowed.Admin
{
    public sealed class ManageUsers
    {
        public object[] Reach() => [new Portal.EndUser(), new SsoMigration.Batch(), new Data.Database()];
    }
}

namespace LayerFixtures.Allowed.Scim
{
    public sealed class Provisioning
    {
        public object[] Reach() => [new Admin.ManageUsers(), new Portal.EndUser(), new Data.Database()];
    }
}

namespace LayerFixtures.Allowed.Hosting
{
    public sealed class Composition
    {
        public object[] Reach() => [new Admin.ManageUsers(), new Sso.Account(), new Data.Database()];
    }
}
