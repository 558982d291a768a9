using Api.SsoMigration.Funnel;

namespace Api.Admin.Funnel;

/// <summary>The funnel's steps as the wire spells them (part of the contract with the SPA), written out so renaming a member cannot change the API.</summary>
public static class FunnelWireNames
{
    public const string StepChoices = "moved, activated, enrolled, signed-in or returned";

    public static string Of(FunnelStep step) => step switch
    {
        FunnelStep.Moved => "moved",
        FunnelStep.EmailActivated => "activated",
        FunnelStep.AuthenticatorEnrolled => "enrolled",
        FunnelStep.FirstPortalSignIn => "signed-in",
        FunnelStep.ReturnedWithin30Days => "returned",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    /// <summary>The step for people (the CSV export), as the SPA says it.</summary>
    public static string Label(FunnelStep step) => step switch
    {
        FunnelStep.Moved => "Moved",
        FunnelStep.EmailActivated => "Activated",
        FunnelStep.AuthenticatorEnrolled => "Authenticator set up",
        FunnelStep.FirstPortalSignIn => "Signed in",
        FunnelStep.ReturnedWithin30Days => "Signed in again",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    /// <summary>A step by its wire name; null for an unknown name.</summary>
    public static FunnelStep? StepNamed(string name) =>
        Enum.GetValues<FunnelStep>().Cast<FunnelStep?>().FirstOrDefault(s => Of(s!.Value) == name);
}
