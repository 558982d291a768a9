using Api.Admin.EndUsers;
using Api.Admin.Staff;
using Api.Audit;
using Api.Shared;
using Api.Portal.Branding;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.Branding;

/// <summary>
/// Replaces the partner's logo with an uploaded file (form field <c>logo</c>). Its type is what its
/// bytes are, whatever its name or claimed type; the same logo again changes nothing.
/// </summary>
public static class UploadLogo
{
    public const string Field = "logo";

    /// <summary>The logo and the multipart envelope around it; anything larger is refused before it is read.</summary>
    public const long MaxRequestBytes = LogoImage.MaxBytes + 16 * 1024;

    public static async Task<Results<Ok<BrandingSettings>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        HttpContext http, StaffMember staff, [AsParameters] BrandingServices s, CancellationToken cancellationToken)
    {
        if (staff.PartnerId is null)
        {
            return BrandingServices.NoPartner();
        }

        if (!http.Request.HasFormContentType)
        {
            return Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Send the logo as a file", "Send the logo as a file upload (multipart/form-data, field \"logo\").");
        }

        IFormFile? file;
        try
        {
            file = (await http.Request.ReadFormAsync(cancellationToken)).Files.GetFile(Field);
        }
        catch (InvalidDataException)
        {
            return Problems.BadRequest("Unreadable upload", "The upload could not be read. Choose the logo file again.");
        }

        if (file is null || file.Length == 0)
        {
            return Problems.Invalid(Field, "Choose a logo file: a PNG, JPEG or WebP image.");
        }

        if (file.Length > LogoImage.MaxBytes)
        {
            return TooLarge();
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        if (LogoImage.Recognise(bytes) is not { } logo)
        {
            return Problems.Status(
                StatusCodes.Status415UnsupportedMediaType,
                "Not a supported image",
                "The logo must be a PNG, JPEG or WebP image. Other files, SVG included, are not accepted.");
        }

        var logoId = logo.Id;
        var settings = await s.ChangeAsync(staff, branding =>
        {
            if (branding.LogoId == logoId)
            {
                return null;
            }

            var before = new { logoId = branding.LogoId };
            branding.Logo = logo.Bytes;
            branding.LogoContentType = logo.ContentType;
            branding.LogoId = logoId;
            return new AuditedChange(AuditActions.LogoChanged, before, new { logoId, contentType = logo.ContentType, size = logo.Bytes.Length });
        }, cancellationToken);
        return TypedResults.Ok(settings!);
    }

    public static ProblemHttpResult TooLarge() =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, "Logo too large", $"The logo may be at most {LogoImage.MaxBytes / 1024} KB. Choose a smaller image.");
}

/// <summary>The logo upload's form, for the OpenAPI document.</summary>
public sealed record LogoUpload(IFormFile Logo);
