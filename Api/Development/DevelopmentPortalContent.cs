using Api.Data;
using Api.Shared;
using Api.Portal;
using Api.Portal.Branding;
using Api.Portal.Devices;
using Api.Portal.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Api.Development;

/// <summary>
/// What the portal shows the development accounts (README.md): devices for every named end user
/// (one online, one offline), a shared server per client (client managers see it), Contoso's
/// branding and support contact, and one answered ticket for emma.chen@northwind.test — a user no
/// end-to-end journey uses, so those journeys start with no tickets. Runs once: a database that
/// has devices already is left alone (also one seeded before this content existed: its accounts get it).
/// </summary>
public static class DevelopmentPortalContent
{
    public const string ContosoColor = "#1a5fb4";

    /// <summary>The named end users with devices; the first device checks in (online), the second was last seen days ago.</summary>
    private static readonly (string Email, string[] Devices)[] Owners =
    [
        ("alex.pending@northwind.test", ["LAPTOP", "PHONE"]),
        ("erin.enrolled@northwind.test", ["LAPTOP", "PHONE"]),
        ("dana.legacy@northwind.test", ["DESKTOP", "PHONE"]),
        ("kim.signedin@northwind.test", ["LAPTOP"]),
        ("tina.tickets@northwind.test", ["LAPTOP", "PHONE"]),
        ("leo.legacy@northwind.test", ["DESKTOP"]),
        ("carl.manager@northwind.test", ["LAPTOP", "TABLET"]),
        ("emma.chen@northwind.test", ["LAPTOP", "PHONE"]),
        ("grace.reset@tailspin.test", ["LAPTOP", "PHONE"]),
        ("mia.mfareset@tailspin.test", ["DESKTOP", "PHONE"]),
        ("henry.enrolled@adventure.test", ["LAPTOP", "PHONE"]),
        ("sam.legacy@adventure.test", ["DESKTOP"]),
        ("nora.firstsso@wingtip.test", ["LAPTOP", "PHONE"]),
        ("liam.linked@wingtip.test", ["LAPTOP"]),
        ("owen.legacy@wingtip.test", ["DESKTOP", "PHONE"]),
        ("oscar.noemail@wingtip.invalid", ["LAPTOP"]),
    ];

    public const string AnsweredTicketOwner = "emma.chen@northwind.test";

    /// <summary>Devices whose (simulated) agent keeps checking in while the Api runs in Development: see <see cref="DevelopmentAgents"/>.</summary>
    public static bool ChecksIn(string deviceName) =>
        deviceName.EndsWith("-SRV01", StringComparison.Ordinal)
        || Owners.Any(o => deviceName == NameOf(o.Email, o.Devices[0]));

    public static async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Devices.AnyAsync(cancellationToken) || !await db.Partners.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = DateTime.UtcNow;
        var emails = Owners.Select(o => o.Email).ToList();
        var users = await db.EndUsers.Where(u => emails.Contains(u.Email)).ToDictionaryAsync(u => u.Email, cancellationToken);
        var serial = 0;
        Device NewDevice(Guid clientId, EndUser? owner, string name, string kind, bool online)
        {
            serial++;
            var (type, system, maker, model) = kind switch
            {
                "DESKTOP" => (DeviceTypes.Desktop, "Windows 11 Pro 24H2", "Dell", "OptiPlex 7010"),
                "PHONE" => (DeviceTypes.Phone, "iOS 18.1", "Apple", "iPhone 15"),
                "TABLET" => (DeviceTypes.Tablet, "iPadOS 18.1", "Apple", "iPad Air"),
                "SRV01" => (DeviceTypes.Server, "Windows Server 2022 Standard", "HPE", "ProLiant DL380 Gen11"),
                _ => (DeviceTypes.Laptop, "Windows 11 Pro 24H2", "Lenovo", "ThinkPad T14 Gen 5"),
            };
            return new Device
            {
                ClientId = clientId,
                AssignedTo = owner,
                Name = name,
                Type = type,
                OperatingSystem = system,
                Manufacturer = maker,
                Model = model,
                SerialNumber = $"DEV{serial:D5}",
                IpAddress = $"10.0.{serial / 200}.{serial % 200 + 10}",
                LastSeenAt = online ? now : now.AddDays(-3).AddHours(-serial % 7),
            };
        }

        var devices = new List<Device>();
        foreach (var (email, kinds) in Owners)
        {
            if (users.GetValueOrDefault(email) is { } owner)
            {
                devices.AddRange(kinds.Select((kind, i) => NewDevice(owner.ClientId, owner, NameOf(email, kind), kind, online: i == 0)));
            }
        }

        foreach (var client in await db.Clients.OrderBy(c => c.Name).ToListAsync(cancellationToken))
        {
            var prefix = new string([.. client.Name.Where(char.IsLetter).Take(4)]).ToUpperInvariant();
            devices.Add(NewDevice(client.Id, owner: null, $"{prefix}-SRV01", "SRV01", online: true));
        }

        db.Devices.AddRange(devices);
        await AddContosoBrandingAsync(db, now, cancellationToken);
        await AddAnsweredTicketAsync(db, users.GetValueOrDefault(AnsweredTicketOwner), devices, now, cancellationToken);
        try
        {
            // One SaveChanges, one transaction: another replica seeding at the same moment fails on the branding's key and adds nothing.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>"tina.tickets@…", "LAPTOP" → "TINA-LAPTOP".</summary>
    private static string NameOf(string email, string kind) => $"{email.Split('.')[0].ToUpperInvariant()}-{kind}";

    private static async Task AddContosoBrandingAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var contoso = await db.Partners.FirstOrDefaultAsync(p => p.Name == "Contoso Managed IT", cancellationToken);
        if (contoso is null || await db.PartnerBrandings.AnyAsync(b => b.PartnerId == contoso.Id, cancellationToken))
        {
            return;
        }

        var logo = LogoImage.Recognise(DevelopmentLogo.Png(0x1a, 0x5f, 0xb4))!;
        db.PartnerBrandings.Add(new PartnerBranding
        {
            PartnerId = contoso.Id,
            Color = ContosoColor,
            Logo = logo.Bytes,
            LogoContentType = logo.ContentType,
            LogoId = logo.Id,
            SupportEmail = "support@contoso.test",
            // Confirmed, so the ticket journeys' notices reach the dev inbox as ever.
            SupportEmailConfirmedAt = now,
            SupportPhone = "+1 555 0100",
            SupportHours = "Monday to Friday, 8:00–18:00",
            UpdatedAt = now,
        });
    }

    /// <summary>A ticket about the user's laptop that Contoso's technician answered: it waits for the user.</summary>
    private static async Task AddAnsweredTicketAsync(AppDbContext db, EndUser? owner, List<Device> devices, DateTime now, CancellationToken cancellationToken)
    {
        var technician = await db.PartnerStaff
            .Where(s => s.Role == ProductRoles.PartnerTechnician && s.Partner!.Name == "Contoso Managed IT")
            .Select(s => s.SsoAccountId)
            .FirstOrDefaultAsync(cancellationToken);
        if (owner is null || technician is null)
        {
            return;
        }

        var opened = now.AddDays(-2);
        var answered = now.AddDays(-1);
        db.Tickets.Add(new Ticket
        {
            ClientId = owner.ClientId,
            OpenedById = owner.Id,
            Device = devices.First(d => d.AssignedTo == owner),
            Subject = "Outlook keeps asking for my password",
            Description = "Since this morning Outlook asks for my password every few minutes, even though I type it correctly.",
            Priority = TicketPriorities.Normal,
            Status = TicketStatuses.WaitingForYou,
            CreatedAt = opened,
            UpdatedAt = answered,
            AwaitingEndUser = true,
            Comments =
            [
                new TicketComment
                {
                    AuthorStaffAccountId = technician,
                    AuthorName = "Tom Technician",
                    FromStaff = true,
                    Body = "Thanks for reporting this. We reset your mailbox profile from our side. Please restart Outlook and tell us whether it still asks for your password.",
                    CreatedAt = answered,
                },
            ],
        });
    }
}
