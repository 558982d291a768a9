namespace Api.Sso.Login;

public sealed record StartLoginRequest(string? Email, string? ReturnUrl);

public sealed record PasswordRequest(string? Password);

public sealed record CodeRequest(string? Code, string? RecoveryCode);

/// <summary>The one next step: password, activate, enroll, mfa or done.</summary>
public sealed record LoginStepResponse(string Step, string? RedirectUrl = null, string? Email = null, IReadOnlyList<string>? RecoveryCodes = null);

public sealed record EnrollmentResponse(string QrCodeDataUri, string ManualKey, string AccountName, string Issuer);
