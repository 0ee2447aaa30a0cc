package org.incidentconsole.ssh;

import java.io.IOException;
import java.util.Map;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

/** "publickey" authentication (RFC 4252 §7) with the signature made by ssh-agent. */
final class AgentAuthMethod extends AbstractAuthMethod implements DescribedKey {
    private static final Map<String, String> SHA2_512 = Map.of("ssh-rsa", "rsa-sha2-512",
            "ssh-rsa-cert-v01@openssh.com", "rsa-sha2-512-cert-v01@openssh.com");

    private final AgentClient agent;
    private final AgentClient.Identity identity;
    private final String algorithm;
    private final int flags;
    private final byte[] signingKey;

    AgentAuthMethod(AgentClient agent, AgentClient.Identity identity) {
        this(agent, identity, identity.blob());
    }

    /**
     * Offers {@code identity} (a CertificateFile certificate) and has the agent sign with {@code signingKey}, the
     * plain key it holds, as ssh does: an agent finds a key by its blob, and a certificate it was never given is
     * not its.
     */
    AgentAuthMethod(AgentClient agent, AgentClient.Identity identity, byte[] signingKey) {
        super("publickey");
        this.agent = agent;
        this.identity = identity;
        this.signingKey = signingKey.clone();
        // SHA-1 "ssh-rsa" signatures are refused by current OpenSSH, for RSA keys and RSA certificates alike;
        // ask the agent for rsa-sha2-512
        String sha2 = SHA2_512.get(identity.keyType());
        this.algorithm = sha2 != null ? sha2 : identity.keyType();
        this.flags = sha2 != null ? AgentClient.RSA_SHA2_512 : 0;
    }

    @Override
    protected SSHPacket buildReq() throws UserAuthException {
        return request(false);
    }

    private SSHPacket request(boolean signed) throws UserAuthException {
        return super.buildReq().putBoolean(signed).putString(algorithm).putBytes(identity.blob());
    }

    @Override
    public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
        if (cmd != Message.USERAUTH_60) {
            super.handle(cmd, buf);
            return;
        }
        SSHPacket req = request(true);
        byte[] toSign = new Buffer.PlainBuffer().putString(params.getTransport().getSessionID()).putBuffer(req)
                .getCompactData();
        try {
            req.putBytes(agent.sign(signingKey, toSign, flags));
        } catch (IOException e) {
            throw new UserAuthException("ssh-agent could not sign: " + e.getMessage(), e);
        }
        params.getTransport().write(req);
    }

    @Override
    public String describeKey() {
        return toString();
    }

    @Override
    public String toString() {
        return "agent key " + identity.keyType() + " " + KeyFingerprint.sha256(identity.blob());
    }
}
