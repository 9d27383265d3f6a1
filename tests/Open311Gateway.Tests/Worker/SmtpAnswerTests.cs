using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Open311Gateway.Contracts;
using Open311Gateway.Worker.Adapters.Email;

namespace Open311Gateway.Tests.Worker;

public class SmtpAnswerTests
{
    private const string Server = "smtp.musterstadt.example:587";

    private static SmtpCommandException Reply(int code, string text, SmtpErrorCode error = SmtpErrorCode.MessageNotAccepted) =>
        new(error, (SmtpStatusCode)code, text);

    [Theory]
    [InlineData(421, "Service not available, closing channel")]
    [InlineData(450, "Mailbox busy")]
    [InlineData(451, "Local error in processing, try again later")]
    [InlineData(452, "Insufficient system storage")]
    [InlineData(530, "Authentication required")]
    [InlineData(535, "Authentication credentials invalid")]
    public void Temporary_answers_and_authentication_problems_are_failed_attempts_to_retry(int code, string text)
    {
        var result = SmtpAnswer.Interpret(Reply(code, text), Server)!;

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Equal($"SMTP {code} from {Server}: {text}", result.Detail);
    }

    [Theory]
    [InlineData(550, "5.1.1 <maengel@musterstadt.example>: Recipient address rejected", SmtpErrorCode.RecipientNotAccepted)]
    [InlineData(552, "5.3.4 Message size exceeds fixed limit", SmtpErrorCode.MessageNotAccepted)]
    [InlineData(553, "5.7.1 Sender address rejected", SmtpErrorCode.SenderNotAccepted)]
    [InlineData(554, "5.7.1 Message refused as spam", SmtpErrorCode.MessageNotAccepted)]
    public void Other_permanent_answers_reject_the_delivery_with_the_servers_text(int code, string text, SmtpErrorCode error)
    {
        var result = SmtpAnswer.Interpret(Reply(code, text, error), Server)!;

        Assert.Equal(DeliveryOutcome.Rejected, result.Outcome);
        Assert.Contains(text, result.Detail);
        Assert.Null(result.ExternalCaseId);
    }

    public static TheoryData<Exception> Transient() =>
    [
        new AuthenticationException("535: 5.7.8 Authentication credentials invalid"),
        new SslHandshakeException("certificate not trusted"),
        new SmtpProtocolException("The SMTP server has unexpectedly disconnected."),
        new IOException("Connection reset by peer"),
        new SocketException((int)SocketError.ConnectionRefused),
        new SmtpExchangeTimeoutException(Server, TimeSpan.FromSeconds(30)),
        new TimeoutException("read timed out"),
        new NotSupportedException("The SMTP server does not support the STARTTLS extension."),
    ];

    [Theory]
    [MemberData(nameof(Transient))]
    public void Connection_tls_protocol_and_timeout_failures_are_failed_attempts_naming_the_server(Exception failure)
    {
        var result = SmtpAnswer.Interpret(failure, Server)!;

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Contains("smtp.musterstadt.example", result.Detail);
    }

    [Fact]
    public void An_exception_that_is_no_smtp_failure_is_not_classified_so_it_surfaces() =>
        Assert.Null(SmtpAnswer.Interpret(new ArgumentException("a bug of ours"), Server));

    [Fact]
    public void A_long_server_text_is_cut_to_the_detail_limit() =>
        Assert.True(SmtpAnswer.Interpret(Reply(554, new string('x', 5000)), Server)!.Detail!.Length <= SmtpAnswer.MaxDetailLength);

    [Fact]
    public void An_accepted_mail_is_delivered_without_a_case_id_and_names_its_message_id()
    {
        var result = SmtpAnswer.Accepted("report-1.teststadt.de@x.example", "2.0.0 Ok: queued as 4F3A2");

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        Assert.Null(result.ExternalCaseId);
        Assert.Equal("Accepted as <report-1.teststadt.de@x.example>: 2.0.0 Ok: queued as 4F3A2", result.Detail);
    }
}
