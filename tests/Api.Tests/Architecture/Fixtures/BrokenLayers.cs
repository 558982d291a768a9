// Fixtures for LayerRuleTests: a miniature of the Api's layers in which each rule is broken by
// exactly one type, named Violation, through a reference inside a method body (where a real
// mistake would hide). Nothing else here references another layer.
#pragma warning disable CA1822, IDE0051 // The members exist to be compiled, never called.

namespace LayerFixtures.Broken.Shared
{
    public sealed class Thing;

    public sealed class Violation
    {
        public object Reach() => new Portal.Thing();
    }
}

namespace LayerFixtures.Broken.Mail
{
    public sealed class Thing;

    public sealed class Violation
    {
        public object Reach() => new Sso.Thing();
    }
}

namespace LayerFixtures.Broken.Audit
{
    public sealed class Thing;

    public sealed class Violation
    {
        public object Reach() => new Portal.Thing();
    }
}

namespace LayerFixtures.Broken.Webhooks
{
    public sealed class Thing;

    // The module must not know end users: the portal raises their events through IWebhookEvents.
    public sealed class Violation
    {
        public object Reach() => new Portal.Thing();
    }
}

namespace LayerFixtures.Broken.Sso
{
    public sealed class Thing;

    // The mistake the SSO's own DbContext base class prevents: reaching the host's context.
    public sealed class Violation
    {
        public object Reach() => new Data.Thing();
    }
}

namespace LayerFixtures.Broken.Portal
{
    public sealed class Thing;

    public sealed class Violation
    {
        public object Reach() => new Admin.Thing();
    }
}

namespace LayerFixtures.Broken.SsoMigration
{
    public sealed class Thing;

    public sealed class Violation
    {
        public object Reach() => new Admin.Thing();
    }
}

namespace LayerFixtures.Broken.Admin
{
    public sealed class Thing;

    public sealed class Violation
    {
        public object Reach() => new Hosting.Thing();

        public object ReachScim() => new Scim.Thing();
    }
}

namespace LayerFixtures.Broken.Scim
{
    public sealed class Thing;
}

namespace LayerFixtures.Broken.Data
{
    public sealed class Thing;
}

namespace LayerFixtures.Broken.Hosting
{
    public sealed class Thing;
}
