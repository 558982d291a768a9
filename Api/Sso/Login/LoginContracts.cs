namespace Api.Sso.Login;

public sealed record StartLoginRequest(string? Email, string? ReturnUrl);

public sealed record PasswordRequest(string? Password);

public sealed record CodeRequest(string? Code, string? RecoveryCode);

/// <summary>The one next step: password, activate, enroll, mfa or done.</summary>
public sealed record LoginStepResponse(string Step, string? RedirectUrl = null, string? Email = null, IReadOnlyList<string>? RecoveryCodes = null)
{
    /// <summary>
    /// At the password step: offer "Use your passkey" first. True only for a browser that signed in
    /// to this account before, when the account has a passkey (any browser may still use one).
    /// </summary>
    public bool PasskeyOffered { get; init; }
}

public sealed record EnrollmentResponse(string QrCodeDataUri, string ManualKey, string AccountName, string Issuer);
