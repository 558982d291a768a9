namespace Api.Sso.Login;

/// <summary>The sentences the sign-in screens show. One sentence for every kind of wrong credential.</summary>
public static class LoginProblems
{
    public const string WrongCredentials = "The e-mail or password is incorrect.";
    public const string WrongCode = "The code is incorrect or has expired.";
    public const string Expired = "Your sign-in took too long or was interrupted. Please start again.";
    public const string TypePrefix = "https://portal.example/problems/";
}
