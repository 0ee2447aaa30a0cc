package org.incidentconsole.ssh;

import net.schmizz.sshj.common.SecurityUtils;

/**
 * sshj pins every cipher, MAC and key agreement to BouncyCastle when it is on the class path. BouncyCastle's
 * AES is plain Java; the JDK's runs on the CPU's AES instructions. Profiling a Redis tunnel showed BC's
 * AES/GCM at the top of the console's CPU, so: BouncyCastle stays registered (key files may need it by name)
 * but lookups go through the JDK's default provider order.
 */
final class SshCrypto {
    private static boolean done;

    private SshCrypto() {
    }

    static synchronized void preferJdkProviders() {
        if (done) {
            return;
        }
        SecurityUtils.isBouncyCastleRegistered();
        SecurityUtils.setRegisterBouncyCastle(false);
        SecurityUtils.setSecurityProvider(null);
        done = true;
    }
}
