using Api.Admin.EndUsers;
using Api.Admin.Staff;
using Api.Audit;
using Api.Shared;
using Api.Portal.Branding;
using Api.Sso.Login;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.Branding;

/// <summary>
/// Sets the partner's colour and support contact. Every field is given each time (the form sends
/// them all); an empty one is cleared. The audit entry holds the changed fields only; no change, no entry.
/// A new support address is unconfirmed until the link mailed to it is used.
/// </summary>
public static class UpdateBranding
{
    public const int MaxPhoneLength = 50;
    public const int MaxHoursLength = 200;

    public static async Task<Results<Ok<BrandingSettings>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        UpdateBrandingRequest body, StaffMember staff, [AsParameters] BrandingServices s, CancellationToken cancellationToken)
    {
        var (input, problem) = Check(body);
        if (problem is not null)
        {
            return problem;
        }

        ProblemHttpResult? tooMany = null;
        var settings = await s.ChangeAsync(staff, async branding =>
        {
            // A new address is unconfirmed, and is mailed its confirmation link; that e-mail's
            // units are taken first, and refused, nothing of this change is saved.
            var newAddress = input!.SupportEmail is { } address && address != branding.SupportEmail ? address : null;
            if (newAddress is not null && await s.MailBudget.TryTakeAsync(branding.PartnerId, newAddress) is { } refused)
            {
                tooMany = refused.Problem;
                return null;
            }

            var before = new Dictionary<string, string?>();
            var after = new Dictionary<string, string?>();
            string? Set(string field, string? old, string? @new)
            {
                if (old != @new)
                {
                    before[field] = old;
                    after[field] = @new;
                }

                return @new;
            }

            branding.Color = Set("color", branding.Color, input.Color);
            if (branding.SupportEmail != input.SupportEmail)
            {
                branding.SupportEmailConfirmedAt = null;
            }

            branding.SupportEmail = Set("supportEmail", branding.SupportEmail, input.SupportEmail);
            if (newAddress is not null)
            {
                s.SupportAddress.Queue(branding.PartnerId, branding.Partner!.Name, newAddress);
            }

            branding.SupportPhone = Set("supportPhone", branding.SupportPhone, input.SupportPhone);
            branding.SupportHours = Set("supportHours", branding.SupportHours, input.SupportHours);
            return after.Count == 0 ? null : new AuditedChange(AuditActions.BrandingEdited, before, after);
        }, cancellationToken);
        if (tooMany is not null)
        {
            return tooMany;
        }

        return settings is null ? BrandingServices.NoPartner() : TypedResults.Ok(settings);
    }

    /// <summary>The checked fields (trimmed; empty is null, colour in lower case), or the first problem with a sentence naming the field.</summary>
    private static (UpdateBrandingRequest? Input, ValidationProblem? Problem) Check(UpdateBrandingRequest body)
    {
        var color = Blank(body.Color);
        if (color is not null && !IsColor(color))
        {
            return (null, Problems.Invalid("color", "Enter the colour as # and six hexadecimal digits, like #1a5fb4."));
        }

        var email = Blank(body.SupportEmail);
        if (email is not null && (email = InputRules.NormalizeEmail(email)) is null)
        {
            return (null, Problems.Invalid("supportEmail", "Enter a valid support e-mail address, like help@example.com, or leave it empty."));
        }

        var phone = Blank(body.SupportPhone);
        if (phone is not null && (phone.Length > MaxPhoneLength || !phone.All(c => char.IsAsciiDigit(c) || " +-()./".Contains(c))))
        {
            return (null, Problems.Invalid("supportPhone", $"Enter the support phone number with digits, spaces and + - ( ) . / only (up to {MaxPhoneLength} characters), or leave it empty."));
        }

        var hours = Blank(body.SupportHours);
        if (hours is not null && (hours.Length > MaxHoursLength || !EndUserInput.IsPrintable(hours)))
        {
            return (null, Problems.Invalid("supportHours", $"Enter the support hours in up to {MaxHoursLength} characters, without control characters, or leave them empty."));
        }

        return (new UpdateBrandingRequest(color?.ToLowerInvariant(), email, phone, hours), null);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool IsColor(string text) => text.Length == 7 && text[0] == '#' && text[1..].All(char.IsAsciiHexDigit);
}

/// <param name="Color">#rrggbb, or empty for the platform's default colour.</param>
public sealed record UpdateBrandingRequest(string? Color, string? SupportEmail, string? SupportPhone, string? SupportHours);
