package io.playbooks.conversion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a command to run from other code-formatted text (a file path, a value, a config key, a header).
 * A command starts with a program: a well-known one, a script ({@code ./run.sh}, {@code tool.sh}), a
 * PowerShell cmdlet ({@code Get-Service}), or a program-like word followed by options ({@code patronictl -c x}).
 */
final class CommandRecognizer {

    private static final Set<String> PROGRAMS = Set.of(
            "sudo", "su", "doas", "ssh", "scp", "sftp", "rsync", "systemctl", "service", "journalctl", "kubectl",
            "helm", "docker", "docker-compose", "podman", "crictl", "ctr", "nerdctl", "git", "aws", "gcloud", "gsutil",
            "az", "terraform", "tofu", "terragrunt", "ansible", "ansible-playbook", "vault", "consul", "nomad", "curl",
            "wget", "http", "psql", "pg_dump", "pg_dumpall", "pg_restore", "pg_basebackup", "pg_ctl", "pg_ctlcluster",
            "patronictl", "mysql", "mysqldump", "mongo", "mongosh", "mongodump", "mongorestore", "redis-cli",
            "etcdctl", "openssl", "nginx", "apachectl", "httpd", "haproxy", "apt", "apt-get", "yum", "dnf", "zypper",
            "apk", "brew", "snap", "pip", "pip3", "npm", "npx", "yarn", "pnpm", "mvn", "gradle", "java", "python",
            "python3", "node", "go", "make", "cat", "ls", "cd", "cp", "mv", "rm", "mkdir", "rmdir", "chmod", "chown",
            "chgrp", "ln", "tar", "zip", "unzip", "gzip", "gunzip", "find", "grep", "egrep", "awk", "sed", "tail",
            "head", "less", "more", "df", "du", "free", "top", "htop", "ps", "kill", "pkill", "killall", "pgrep",
            "lsof", "netstat", "ss", "ip", "ifconfig", "ping", "traceroute", "mtr", "dig", "nslookup", "host", "nc",
            "ncat", "socat", "telnet", "tcpdump", "echo", "printf", "export", "unset", "source", "crontab", "useradd",
            "usermod", "userdel", "groupadd", "passwd", "chage", "mount", "umount", "lsblk", "blkid", "fdisk",
            "parted", "mkfs", "fsck", "resize2fs", "xfs_growfs", "lvextend", "lvcreate", "pvcreate", "vgextend",
            "reboot", "shutdown", "logrotate", "shred", "tee", "xargs", "watch", "sleep", "until", "while", "for",
            "env", "eval", "exec", "bash", "sh", "zsh", "pwsh", "powershell", "cmd", "net", "sc", "sc.exe", "nssm",
            "iisreset", "robocopy", "icacls", "del", "erase", "eksctl", "kubeadm", "kubens", "kubectx", "minikube", "kind", "oc",
            "istioctl", "linkerd", "argocd", "flux", "jq", "yq", "nmap", "iptables", "ip6tables", "nft", "ufw",
            "iptables-save", "iptables-restore", "ip6tables-save", "ip6tables-restore", "diff", "sort", "uniq", "wc",
            "zcat", "chattr", "lsattr",
            "firewall-cmd", "certbot", "htpasswd", "keytool", "base64", "sha256sum", "md5sum", "touch", "stat",
            "which", "uname", "hostname", "hostnamectl", "timedatectl", "date", "uptime", "dmesg", "vmstat",
            "iostat", "sar", "strace", "jcmd", "jstack", "jmap", "jps", "mc", "s3cmd", "rclone", "restic", "borg",
            "velero", "stern", "salt", "puppet", "chef-client", "knife", "packer", "vagrant", "virsh", "openstack",
            "doctl", "sqlcmd", "influx", "promtool", "amtool", "sysctl", "modprobe", "nmcli", "chronyc",
            "update-ca-certificates", "ssh-keygen", "ssh-copy-id", "ssh-keyscan", "getfacl", "setfacl", "rscript", "psexec", "psexec64", "gpg", "sops", "kubeseal", "cosign", "trivy",
            "dotnet", "cargo", "bundle", "rake", "php", "composer", "ldapsearch", "kinit", "klist", "rabbitmqctl",
            "rabbitmq-plugins", "nodetool", "cqlsh", "zkcli.sh", "varnishadm", "supervisorctl", "pm2", "gh", "glab", "deck", "globus",
            "ibstat", "ibstatus", "ibv_devinfo", "ibv_devices", "iblinkinfo", "ibnetdiscover", "usoclient", "quser", "qwinsta",
            "rwinsta", "logoff",
            "svn", "kustomize", "skaffold", "tctl", "temporal", "sqlplus", "rman", "wsl", "choco", "winget",
            "ceph", "cephadm", "rados", "rbd", "radosgw-admin", "gluster", "zfs", "zpool", "mdadm", "smartctl",
            "ipmitool", "pcs", "crm", "pulumi", "cdk", "serverless", "sam", "lxc", "incus", "microk8s", "k3s",
            "kcat", "kafkacat", "ethtool", "conntrack", "semanage", "restorecon", "setenforce", "getenforce", "sestatus", "telinit", "runlevel",
            "ausearch", "loginctl", "systemd-analyze", "update-alternatives", "dpkg", "rpm", "flatpak", "rails",
            "flyway", "liquibase", "alembic", "django-admin", "celery", "sidekiqctl", "gunicorn", "uwsgi", "unicorn",
            "puma", "redis-server", "memcached", "consul-template", "envoy", "caddy", "traefik", "openvpn", "wg",
            "wg-quick", "tailscale", "kubelet", "containerd", "runc", "skopeo", "buildah", "crane", "oras",
            "airflow", "dbt", "spark-submit", "hdfs", "yarn-daemon.sh", "beeline", "trino", "clickhouse-client",
            "msiexec", "dism", "wusa", "wmic", "reg", "schtasks", "taskkill", "tasklist", "netsh", "certutil", "gpupdate",
            "aptly", "reprepro", "galera_new_cluster", "mysqladmin", "mysqlcheck", "xtrabackup", "pg_isready",
            "pg_upgrade", "pgbackrest", "barman", "wal-g", "repmgr", "pgbouncer", "mongostat", "mongotop",
            "rabbitmqadmin", "kafka-console-consumer", "kafka-consumer-groups", "kafka-configs", "zookeeper-shell",
            "elasticsearch-plugin", "opensearch-plugin", "logstash", "filebeat", "metricbeat", "fluent-bit",
            "vector", "prometheus", "alertmanager", "grafana-cli", "nginx-reload", "varnishlog", "varnishstat",
            "haproxyctl", "keepalived", "corosync-cfgtool", "drbdadm", "multipath", "iscsiadm", "exportfs",
            "showmount", "nfsstat", "smbclient", "realm", "sssctl", "authconfig", "ipa", "ldapmodify", "ldapadd",
            "nsupdate", "rndc", "unbound-control", "pdnsutil", "chef", "salt-call", "salt-key", "mco", "nova",
            "glance", "cinder", "neutron", "heat", "swift", "ovs-vsctl", "virt-install", "qemu-img", "vboxmanage",
            "esxcli", "govc", "vim-cmd", "vsish", "vmkfstools", "vmkping", "localcli", "vmware-cmd", "esxcfg-nics",
            "esxcfg-vswitch", "esxcfg-vmknic", "esxcfg-scsidevs", "esxcfg-mpath", "esxcfg-advcfg", "proxmox-boot-tool",
            "pvesh", "ha-manager", "vzdump", "qmrestore", "pveceph", "pveam", "pvenode", "pvesr", "pveversion",
            "pve-firewall", "pveupdate", "pveupgrade", "ceph-volume", "ceph-bluestore-tool", "ceph-objectstore-tool",
            "crushtool", "monmaptool", "osdmaptool", "rbd-nbd", "ceph-fuse", "virt-clone", "virt-sparsify",
            "virt-resize", "virt-customize", "virt-sysprep", "guestfish", "virt-df", "virt-top", "virt-host-validate",
            "qemu-nbd", "pvmove", "sas2ircu", "sas3ircu", "storcli64", "perccli64", "megacli", "megacli64", "arcconf",
            "hpacucli", "ledctl", "sg_ses", "lsscsi", "msbuild", "signtool", "xcrun", "xcodebuild", "xcode-select",
            "fastlane", "flutter", "dart", "agvtool", "bundletool", "adb", "sentry-cli", "sdkmanager",
            "avdmanager", "apksigner", "zipalign", "jarsigner", "productbuild", "pkgbuild", "hdiutil", "plutil", "lipo",
            "nuget", "makeappx", "electron-builder", "appcenter", "gem", "rbenv", "swiftlint", "carthage",
            "systemsetup", "pwsh.exe", "powershell.exe", "cmd.exe", "cilium", "hubble", "bq", "s5cmd", "k6",
            "heroku", "fly", "bosh", "cf", "hcloud", "ibmcloud", "oci", "scw", "firebase", "vercel", "netlify", "kn",
            "tkn", "kubectl-argo-rollouts", "kubecolor", "k9s", "tsh", "teleport", "boundary", "step", "cfssl",
            "ansible-vault", "ansible-galaxy", "ansible-inventory", "findmnt", "rabbitmq-diagnostics",
            "rabbitmq-upgrade", "ipconfig", "gpresult", "w32tm", "sfc", "chkdsk", "e2fsck", "a2enmod", "a2dismod",
            "a2ensite", "a2dissite", "postmap", "postfix", "postqueue", "postsuper", "named-checkzone",
            "named-checkconf", "pdns_control", "yamllint", "shellcheck", "tmux", "screen", "whois", "whoami",
            "lsmod", "nproc", "nvidia-smi", "xfs_repair", "tune2fs", "growpart", "partprobe", "swapon", "swapoff",
            "fstrim", "mokutil", "needs-restarting", "unattended-upgrade", "apt-mark", "yum-config-manager",
            "apt-cache", "apt-key", "dpkg-query", "dpkg-reconfigure", "needrestart", "sw_vers", "pmset", "dscl",
            "sysadminctl", "codesign", "systemd-run", "resolvectl", "lsusb", "lspci", "lscpu", "hwclock", "ntpq",
            "ntpdate", "nohup", "ionice", "renice", "chroot", "visudo", "getent", "coredumpctl", "bpftrace", "ngrep",
            "iwconfig", "wpa_cli", "bdf", "stopsap", "startsap", "sapcontrol", "dpmon", "cleanipc", "sapcar", "errpt",
            "smitty", "smit", "lsdev", "mksysb", "chfs", "installp", "lslpp", "oslevel", "lsvg", "extendvg", "chlv",
            "mklv", "lspv", "svcadm", "svcs", "zoneadm", "zonecfg", "zlogin", "conman", "ctm", "wsadmin", "crsctl",
            "opmnctl", "emctl", "swlist", "swinstall", "fuser", "prtconf", "psrinfo", "metastat", "vxprint", "vxdisk",
            "vxassist", "fsadm", "extendfs", "kctune", "ioscan", "swapinfo", "cmviewcl", "cmhaltpkg", "cmrunpkg",
            "hastatus", "hares", "hagrp", "tp", "r3trans", "saplicense", "sapinst", "brbackup", "brarchive",
            "brconnect", "db2", "db2stop", "db2start", "ocrcheck", "olsnodes", "asmca", "dbca", "orapwd", "adrci",
            "curl.exe", "wget.exe", "dfsrdiag", "dfsutil", "csvde", "ldifde", "dsmod", "dsget", "dsadd", "dsrm", "cscript",
            "bitsadmin", "fsutil", "manage-bde", "auditpol", "secedit", "winrm", "eseutil", "sqlpackage", "osql", "sconfig",
            "postconf", "mailq", "swaks", "sendmail", "kdestroy", "kadmin", "kadmin.local", "ipa-replica-manage", "dnssec-keygen", "dnssec-settime", "dnssec-signzone", "doveadm", "opendkim-genkey", "ldapdelete", "ldappasswd", "slapcat", "slapadd", "ktutil", "kvno", "ipa-healthcheck", "certmonger", "getcert",
            "jconsole", "jvisualvm", "jmc", "jshell", "elasticsearch-node", "jboss-cli.sh", "asprof", "jfr", "jinfo", "jstat", "jmxterm", "flink", "visualvm", "elasticsearch-keystore", "elasticsearch-reset-password", "opensearch-keystore",
            "netplan", "bmaptool", "raspi-config", "mender", "mender-update", "fw_setenv", "fw_printenv", "bcdboot", "wpeutil",
            "uwfmgr", "tegrastats", "balena", "eject", "nvpmodel", "jetson_clocks", "mosquitto_pub", "mosquitto_sub",
            "rpi-eeprom-update", "swupdate", "minicom", "picocom",
            "nats", "nats-server", "pulsar-admin", "pulsar-client", "ray", "sbatch", "srun", "scancel", "squeue",
            "sinfo", "sacct", "scontrol", "feast", "argo", "dvc", "mlflow", "bentoml", "torchrun", "kfp",
            "appcmd", "xcopy", "expdp", "impdp", "tnsping", "opatch", "datapatch", "lsnrctl", "dgmgrl",
            "orapki", "sqlldr", "bcp", "setspn", "ntdsutil", "wbadmin", "vssadmin", "takeown", "mklink", "ykman",
            "grub-install", "grub2-install", "update-grub", "grub-mkconfig", "grub2-mkconfig", "mkfs.ext4", "mkfs.ext3",
            "mkfs.xfs", "mkswap", "dracut", "update-initramfs", "sgdisk", "wipefs", "lvremove",
            "vgcreate", "lvresize", "sfdisk", "dd", "hdparm", "nvme",
            "subscription-manager", "cloud-init", "aws-vault", "saml2aws", "ssh-agent", "ssh-add", "tmsh", "gam",
            "awx", "strmqm", "endmqm", "dspmq", "runmqsc", "crtmqm", "dltmqm", "asmcmd", "srvctl", "winmgmt",
            "wevtutil", "bcdedit", "diskpart", "dcdiag", "repadmin", "netdom", "nltest", "dsquery", "pvecm", "qm",
            "pct", "pvesm", "lvs", "vgs", "pvs", "lvdisplay", "vgdisplay", "pvdisplay", "perccli", "storcli",
            "racadm", "ssacli", "hpssacli", "fdesetup", "diskutil", "launchctl", "softwareupdate", "profiles",
            "jamf", "defaults", "scutil", "networksetup", "pkgutil", "installer", "spctl", "csrutil",
            "kamcmd", "asterisk", "fs_cli", "sngrep", "fwconsole", "exim", "certtool", "kdig", "ldns-signzone", "sslscan",
            "twilio", "lunash", "vtl", "ml", "sacctmgr", "lfs", "lctl", "apptainer", "singularity", "dcgmi", "emqx",
            "emqx_ctl", "dnscmd", "stripe", "steamcmd", "rundll32");
    /** Environment Modules and Lmod: {@code module load GROMACS/2023.3}, not Terraform's {@code module "vpc" {}. */
    private static final Set<String> MODULE_SUBCOMMANDS = Set.of("load", "unload", "avail", "list", "purge", "swap",
            "switch", "spider", "show", "use", "unuse", "restore", "save", "reset", "whatis", "keyword");
    /** Commands of network operating systems (IOS, Junos, PAN-OS, EOS), written in lower case as their CLIs take them. */
    private static final Set<String> NETWORK_OS_COMMANDS = Set.of("show", "configure", "commit", "request", "write",
            "reload", "copy", "clear", "interface", "router", "shutdown", "no", "end", "exit", "ping", "traceroute");
    /**
     * Network OS commands whose word also starts sentences and SQL ("verify the backup", "rollback to savepoint"):
     * commands on a block's line only when the next word is no word of prose ("rollback running-config ...").
     */
    private static final Set<String> NETWORK_OS_COMMANDS_IN_CONTEXT = Set.of("checkpoint", "rollback", "install",
            "dir", "boot", "verify", "vlan", "terminal", "debug", "undebug", "enable");
    /** Those that start no message or setting, so that they count in inline code too ("request system reboot"). */
    private static final Set<String> INLINE_NETWORK_OS_COMMANDS = Set.of("show", "configure", "commit", "request",
            "reload");
    /**
     * Inline commands of network operating systems whose first word alone could start a message ("copy", "clear",
     * "write"): they count with the arguments those CLIs take ({@code copy running-config startup-config},
     * {@code clear ip bgp 10.0.0.1 soft}, {@code write memory}, {@code rollback running-config checkpoint pre-chg}).
     */
    private static final Pattern INLINE_NETWORK_OS_COMMAND = Pattern.compile("(?:write mem(?:ory)?|wr mem"
            + "|copy (?:running-config|startup-config|(?:[a-z]+:)\\S*) \\S+|clear (?:ip|ipv6|bgp|arp|arp-cache|counters|mac|"
            + "interface|logging|line|crypto)\\b.*|install (?:add|activate|commit|remove|rollback|deactivate)\\b.*"
            + "|boot system\\b.*|checkpoint [\\w.-]+|rollback (?:running-config\\b.*|\\d+)|dir [a-z0-9]+:\\S*.*"
            + "|verify /(?:md5|sha\\d+)\\b.*)");
    private static final Pattern PROGRAM_WORD = Pattern.compile("[a-z][a-z0-9_.+-]*");
    /**
     * The programs of the list that Windows runs, whose names it takes in any case, and those named in capitals
     * (SAPCAR); not {@code shutdown}, which in capitals is T-SQL ({@code SHUTDOWN WITH NOWAIT}).
     */
    /** pg_hba.conf's last field: how a client authenticates. */
    private static final Set<String> HBA_METHODS = Set.of("trust", "reject", "md5", "password", "scram-sha-256", "gss",
            "sspi", "ident", "peer", "ldap", "radius", "cert", "pam", "bsd");
    /** The most words of a directive that ends with a semicolon ({@code gzip on;}, {@code tar on;}). */
    private static final int MOST_DIRECTIVE_WORDS = 3;

    /**
     * A line of a configuration file whose first word is also a program's name: an nginx-style directive ending in a
     * semicolon ({@code gzip on;}), or a pg_hba.conf entry ({@code host replication replicator 10.0.0.0/24 md5}).
     */
    private static boolean isAConfigurationLine(String text, List<String> words) {
        if (text.endsWith(";") && words.size() <= MOST_DIRECTIVE_WORDS && words.stream().noneMatch(w -> w.startsWith("-"))) {
            return true;
        }
        String first = words.get(0);
        return words.size() >= 4 && (first.equals("host") || first.equals("hostssl") || first.equals("hostnossl")
                || first.equals("local")) && HBA_METHODS.contains(words.get(words.size() - 1));
    }

    /** Programs named like keywords of ssh_config, sshd_config, Apache's and others' files. */
    private static final Set<String> CONFIGURATION_KEYWORDS = Set.of("host", "hostname", "user", "port", "listen",
            "include", "match", "timeout", "alias", "protocol");
    private static final Set<String> CASE_INSENSITIVE_PROGRAMS = Set.of("net", "sc", "sc.exe", "nssm", "iisreset",
            "robocopy", "icacls", "del", "erase", "msiexec", "dism", "wusa", "wmic", "reg", "schtasks", "taskkill", "tasklist", "netsh",
            "certutil", "gpupdate", "ipconfig", "gpresult", "w32tm", "sfc", "chkdsk", "xcopy", "bcp", "setspn",
            "ntdsutil", "wbadmin", "vssadmin", "takeown", "mklink", "winmgmt", "wevtutil", "bcdedit", "diskpart",
            "dcdiag", "repadmin", "netdom", "nltest", "dsquery", "cmd", "cmd.exe", "ping", "nslookup", "hostname",
            "whoami", "powershell", "powershell.exe", "appcmd", "sqlcmd", "echo", "cd", "mkdir", "rmdir", "netstat",
            "sapcar", "usoclient", "quser", "qwinsta", "rwinsta", "logoff");
    /** Programs run without arguments often enough that, alone in inline code, they are the command itself. */
    private static final Set<String> BARE_COMMANDS = Set.of("uptime", "whoami", "reboot", "lsblk", "lsmod", "df",
            "free", "timedatectl", "hostnamectl", "pg_isready", "nproc", "dmesg", "iisreset", "ipconfig", "gpupdate",
            "nvidia-smi", "vmstat", "iostat", "findmnt", "lsof", "netstat", "ifconfig", "update-grub", "blkid",
            "update-initramfs", "pvs", "vgs", "lvs", "mdstat", "sensors", "sconfig", "mailq", "klist", "kdestroy",
            "getenforce", "sestatus", "runlevel", "ibstat", "ibstatus", "ibv_devinfo", "ibv_devices", "quser", "qwinsta");
    /**
     * Programs run without arguments on a line of a code block; inline, these words more often name a field or a
     * setting ("the {@code date} column").
     */
    private static final Set<String> BLOCK_BARE_COMMANDS = Set.of("ls", "pwd", "date", "hostname", "env", "top",
            "htop", "id", "w", "who", "ps", "history", "jobs", "lscpu", "lspci", "lsusb", "mount", "sync", "uname",
            "groups", "ulimit", "umask", "locale", "printenv", "atop", "iotop", "iftop", "ss", "route", "arp");
    /** A program in a folder of the project or the host, run by its relative path: bin/rails, scripts/deploy. */
    private static final Pattern RELATIVE_PROGRAM = Pattern.compile("(bin|sbin|scripts?|tools|hack)/[\\w.-]+");
    /** First words of query statements and of prose, which start no command of an unknown program. */
    private static final Set<String> NOT_PROGRAMS = Set.of("select", "insert", "update", "delete", "alter", "create",
            "drop", "grant", "revoke", "truncate", "with", "explain", "vacuum", "analyze", "set", "begin", "commit",
            "rollback", "use", "the", "a", "an", "and", "or", "if", "for", "to", "of", "in", "on", "is", "not", "no",
            "sub", "function", "def", "class", "import", "package", "return", "else", "while", "do", "var", "let",
            "const", "public", "private", "static", "include", "require", "module", "resource", "data", "variable",
            "output", "provider", "locals", "dn", "objectclass", "changetype");
    /** Subcommands that make a program of any two-word code ("pvecm status", "dspmq list"). */
    private static final Set<String> SUBCOMMANDS = Set.of("status", "list", "ls", "start", "stop", "restart",
            "reload", "describe", "info", "version", "health", "healthcheck", "ps", "logs", "apply", "sync", "flush",
            "validate", "rollout", "drain", "login", "logout", "whoami", "upgrade", "update", "install", "uninstall",
            "enable", "disable", "check", "diag", "diagnose", "verify", "reset", "rebuild", "reindex", "purge");

    /** Words of sentences, which no arguments of a command are. */
    private static final Set<String> PROSE_WORDS = Set.of("the", "a", "an", "of", "and", "is", "are", "was", "be",
            "this", "that", "these", "those", "it", "its", "we", "you", "our", "your", "which", "when", "then");
    /** A program named in snake case ({@code galera_new_cluster}, {@code pg_lsclusters}). */
    private static final Pattern SNAKE_CASE_PROGRAM = Pattern.compile("[a-z][a-z0-9]*(?:_[a-z0-9]+)+");
    /** Names that say a program: ...ctl (control), ...adm / ...admin, ...cli. */
    private static final Pattern TOOL_NAME = Pattern.compile("[a-z][a-z0-9_-]*(ctl|adm|admin|-cli|cli)");
    private static final Pattern SCRIPT = Pattern.compile("(\\./|\\.\\./|~/)\\S+|\\S+\\.(sh|py|ps1|bat|cmd|rb|pl)");
    /** A folder or a file of data by a relative path ({@code ./charts/api/values-prod.yaml}): no program to run. */
    private static final Pattern DATA_FILE = Pattern.compile(
            ".*(/|\\.(ya?ml|json|tfvars|tf|hcl|conf|cfg|ini|txt|md|xml|properties|env|toml|csv|log|pem|crt|key|sql|j2|tpl|lock))");
    /** A setting's path in an MDM profile (an OMA-URI such as {@code ./Vendor/MSFT/WiFi/Profile/x/WlanXml}), no script. */
    private static final Pattern OMA_URI = Pattern.compile("\\./(?:Device/|User/)?Vendor/MSFT/.*");
    /** A Verb-Noun name as cmdlets have ({@code Restart-Service}, {@code ConvertTo-Json}, {@code ForEach-Object}). */
    private static final Pattern CMDLET = Pattern.compile("([A-Z][a-z]+(?:[A-Z][a-z]+)?)-[A-Z][A-Za-z0-9]+");
    /** A test in brackets: {@code [ -f /var/run/reboot-required ]}, {@code [[ -d /data ]]}; not {@code [  OK  ]} of output. */
    private static final Pattern TEST_COMMAND = Pattern.compile("\\[\\[? (?:! )?-[a-zA-Z] \\S+ \\]\\]?(?: .*)?");
    /** Programs that read a pipe: what a command's output is piped into ("lsdev | grep fcs"). */
    private static final Set<String> PIPE_FILTERS = Set.of("grep", "egrep", "head", "tail", "awk", "sed", "sort", "uniq",
            "wc", "jq", "yq", "less", "more", "tee", "xargs", "cut", "tr", "column");
    /** PowerShell's approved verbs ({@code Get-Verb}), which cmdlets and the functions of modules are named with. */
    private static final Set<String> POWERSHELL_VERBS = Set.of("Add", "Approve", "Assert", "Backup", "Block", "Build",
            "Checkpoint", "Clear", "Close", "Compare", "Complete", "Compress", "Confirm", "Connect", "Convert",
            "ConvertFrom", "ConvertTo", "Copy", "Debug", "Deny", "Deploy", "Disable", "Disconnect", "Dismount", "Edit",
            "Enable", "Enter", "Exit", "Expand", "Export", "Find", "Format", "Get", "Grant", "Group", "Hide", "Import",
            "Initialize", "Install", "Invoke", "Join", "Limit", "Lock", "Measure", "Merge", "Mount", "Move", "New",
            "Open", "Optimize", "Out", "Ping", "Pop", "Protect", "Publish", "Push", "Read", "Receive", "Redo",
            "Register", "Remove", "Rename", "Repair", "Request", "Reset", "Resize", "Resolve", "Restart", "Restore",
            "Resume", "Revoke", "Save", "Search", "Select", "Send", "Set", "Show", "Skip", "Split", "Start", "Step",
            "Stop", "Submit", "Suspend", "Switch", "Sync", "Test", "Trace", "Unblock", "Undo", "Uninstall", "Unlock",
            "Unprotect", "Unpublish", "Unregister", "Update", "Use", "Wait", "Watch", "Write", "Where", "ForEach", "Sort", "Tee");
    /** HTTP headers named like a verb and a noun: "If `Set-Cookie` is the cause" names a header, runs nothing. */
    private static final Set<String> HTTP_HEADERS_LIKE_CMDLETS = Set.of("Set-Cookie", "Set-Cookie2", "Save-Data",
            "Ping-From", "Ping-To", "Push-Policy", "Request-Id", "Lock-Token");
    /**
     * PowerShell that starts with no program: a cmdlet's result in brackets ({@code (Get-WebBinding ...).Add(...)}), a
     * method of a variable ({@code $binding.AddSslCertificate(...)}), a variable set from a cmdlet.
     */
    private static final Pattern POWERSHELL_STATEMENT = Pattern.compile("\\(\\s*[A-Z][a-z]+-[A-Z][A-Za-z]+[\\s)].*"
            + "|\\$[A-Za-z_]\\w*\\.[A-Za-z]\\w*\\(.*|\\$[A-Za-z_]\\w*\\s*=\\s*\\(?[A-Z][a-z]+-[A-Z][A-Za-z]+\\b.*");
    private static final Pattern BIN_PATH = Pattern.compile("(?:/\\S*)?/s?bin/\\S+");
    /** What {@code .} sources: a file by its name or path ({@code oraenv}, {@code ~/.bash_profile}), not a sentence. */
    private static final Pattern SOURCED_FILE = Pattern.compile("[a-z0-9_.~/$][\\w.~/${}-]*");
    /** A command run under {@code timeout} with its duration: {@code timeout 5 ls /mnt/shared}. */
    private static final Pattern TIMEOUT_DURATION = Pattern.compile("\\d+(\\.\\d+)?[smhd]?");
    /** What a System V init script is told to do. */
    private static final Set<String> INIT_ACTIONS = Set.of("start", "stop", "restart", "reload", "force-reload",
            "status", "condrestart", "try-restart", "configtest", "graceful", "graceful-stop", "fullstatus");
    /** A System V init script, run with its action: {@code /etc/init.d/httpd configtest}. */
    private static final Pattern INIT_SCRIPT = Pattern.compile("/etc/(?:rc\\.d/)?init\\.d/[\\w.@-]+");
    /** An option: {@code -f}, {@code --compress}, {@code --out=x}; not the {@code ->} of a listing. */
    private static final Pattern OPTION = Pattern.compile("--?[A-Za-z0-9].*");
    /** A program run by its absolute path from anywhere ({@code /dev/shm/avml}): a command when options follow. */
    private static final Pattern ABSOLUTE_PROGRAM = Pattern.compile("(?:/[\\w.+-]+){2,}");
    /** A Windows program by its file: {@code appcmd.exe}, {@code %windir%\system32\inetsrv\appcmd.exe}, {@code C:\Tools\x.exe}. */
    private static final Pattern WINDOWS_PROGRAM = Pattern.compile("(?i)(?:.*\\\\)?[\\w.-]+\\.exe");
    /** {@code NAME=value } before a command; a value in quotes may hold spaces. */
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=(?:\"[^\"]*\"|'[^']*'|\\S*)\\s+");
    /** {@code NAME=value} alone on its first line. */
    /** {@code NEW_KEY=$(consul keygen)}: a variable set to what a command prints. */
    private static final Pattern SUBSTITUTION = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=(?:\\$\\((.+)\\)|`(.+)`)");
    private static final Pattern LONE_ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=\\S*(\\n[\\s\\S]*)?");
    private static final Pattern HTTP_LINE = Pattern.compile("(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\\s+https?://\\S+.*", Pattern.DOTALL);

    private CommandRecognizer() {
    }

    /**
     * Whether an unlabelled code block holds commands: its first line that is no shell comment is a command (a
     * first line {@code # systemctl ...} is one behind a root prompt).
     */
    static boolean startsWithCommand(String code) {
        return startsWithCommand(code, true);
    }

    /** @param byShape whether lines of programs no list knows count by their shape, as in a block of no language */
    static boolean startsWithCommand(String code, boolean byShape) {
        for (String line : code.strip().split("\n")) {
            String text = line.trim();
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("#") && !isCommand(text, true)) {
                continue;
            }
            return isCommand(text, byShape);
        }
        return false;
    }

    /**
     * Whether inline code is a command to run: it starts with a known program, a script, a cmdlet, a program named as
     * tools are ({@code kafkactl}), or a program-like word followed by options. Stricter than a code block's first
     * line ({@link #startsWithCommand}): inline code also quotes messages and settings ("too many open files",
     * {@code root /var/www/html}).
     */
    static boolean isCommand(String code) {
        return isCommand(code, false);
    }

    /** Whether a line of a code block is a command: bare programs (`ls`, `pwd`) and shapes no list knows count there. */
    static boolean isBlockCommand(String line) {
        return isCommand(line, true);
    }

    /**
     * Whether inline code is a program by its absolute path alone ({@code /usr/lib/vmware-vmca/bin/certificate-manager}),
     * which is a command where the text says to run it: alone, such a path is as often the file spoken of.
     */
    private static boolean isProgramPath(String code) {
        return ABSOLUTE_PROGRAM.matcher(code).matches() && !DATA_FILE.matcher(code).matches();
    }

    /**
     * Whether inline code that the text says to run ("Run {@code ray job status <id>}") reads as a command of a program
     * no list knows: its program's bare path, or a program-like word and its arguments.
     */
    static boolean isRunnable(String code) {
        List<String> words = words(code);
        return isProgramPath(code) || words.size() >= 2 && PROGRAM_WORD.matcher(words.get(0)).matches()
                && !DATA_FILE.matcher(words.get(0)).matches();
    }

    /**
     * Whether the code of a step table's Command column runs a program no list knows ({@code kamcmd dispatcher.list}):
     * a program-like word and its arguments, not a file's path alone (the file to edit), a setting
     * ({@code tcp_keepalives_idle = 60}) or a record ({@code db-replica-03 IN A 10.20.1.13}).
     */
    static boolean isCommandOfAnyProgram(String code) {
        List<String> words = words(code);
        // "vrrp_instance VI_1", "server_name shop.example.net": a configuration's snake_case key, which no program
        // the lists miss is named like
        if (words.size() < 2 || !PROGRAM_WORD.matcher(words.get(0)).matches() || DATA_FILE.matcher(words.get(0)).matches()
                || words.get(0).indexOf('_') >= 0 || isAssignment(code)) {
            return false;
        }
        for (String word : words.subList(1, words.size())) {
            // "db-replica-03  IN  A  10.20.1.13": a record, a setting or a sentence, not arguments
            boolean capitalised = isCapitalisedWord(word) && Character.isUpperCase(word.charAt(0)); // not "regenCert"
            if (word.equals("=") || word.equals(":") || PROSE_WORDS.contains(word) || capitalised) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether plain text (a Command cell typed without code formatting) is a command: one by the test of inline code
     * that reads as no sentence ("Find the leader in the UI" starts with a program's name too).
     */
    static boolean isPlainTextCommand(String text) {
        if (!isCommand(text)) {
            return false;
        }
        List<String> words = words(text);
        return words.stream().skip(1).noneMatch(PROSE_WORDS::contains);
    }

    /** A file or script by its path alone ({@code /usr/share/tomcat9/bin/setenv.sh}, {@code ./deploy.sh}). */
    static boolean isBarePath(String code) {
        return code.indexOf(' ') < 0 && (code.startsWith("/") || code.startsWith("./") || code.startsWith("~/")
                || code.startsWith("../"));
    }

    /**
     * Whether a word alone behind root's prompt is a program run without arguments: a known one as written
     * ({@code # galera_new_cluster}, {@code # redis-server}) or one named in snake case ({@code # pg_lsclusters}), not
     * a heading of output ({@code # Replication}).
     */
    static boolean isProgramName(String word) {
        return PROGRAMS.contains(word) || SNAKE_CASE_PROGRAM.matcher(word).matches();
    }

    /** Whether the text starts with {@code NAME=value } (a setting, or an assignment before a command). */
    static boolean isAssignment(String text) {
        String stripped = text.strip();
        return ASSIGNMENT.matcher(stripped).lookingAt() || LONE_ASSIGNMENT.matcher(stripped).matches();
    }

    /**
     * @param blockLine a code block's line: network OS commands, a /switch or absolute path after a program-like word,
     *                  and programs no list knows by their shape count there too
     */
    private static boolean isCommand(String code, boolean blockLine) {
        String first = firstLine(code).trim();
        String prompted = ConsoleTranscript.withoutPrompt(first);
        if (prompted.indexOf("=$(") > 0 || prompted.indexOf("=`") > 0) {
            // the assignment runs the command whose output it keeps
            Matcher substitution = SUBSTITUTION.matcher(prompted);
            if (substitution.matches()) {
                return isCommand(substitution.group(1) != null ? substitution.group(1) : substitution.group(2), blockLine);
            }
        }
        String text = withoutAssignments(prompted);
        if (text.isEmpty()) {
            return false;
        }
        if (HTTP_LINE.matcher(text).matches() || (text.charAt(0) == '(' || text.charAt(0) == '$')
                && POWERSHELL_STATEMENT.matcher(text).matches()) {
            return true;
        }
        List<String> words = words(text);
        if (isAConfigurationLine(text, words)) {
            return false;
        }
        int quoteEnd = text.charAt(0) == '"' ? text.indexOf('"', 1) : -1;
        // "C:\Program Files\...\sqlcmd.exe" -S ...: a program whose path holds a space, in quotes
        String program = quoteEnd > 0 ? text.substring(1, quoteEnd) : words.get(0);
        // "/bin/sh: 1: pg_dump: not found": a program's name before a colon heads its error message
        if (DATA_FILE.matcher(program).matches() || OMA_URI.matcher(program).matches() || program.endsWith(":")) {
            return false;
        }
        // alone, a script by its relative path or by its path in a bin folder (/usr/local/sbin/reload-edge.sh) is run;
        // a program there without an extension (/usr/local/bin/helm) is as often the file spoken of
        if (isCmdlet(program, words) || TEST_COMMAND.matcher(text).matches() || (words.size() == 1 && (program.startsWith("./") || program.startsWith(".\\")
                || BIN_PATH.matcher(program).matches() && SCRIPT.matcher(program).matches()))) {
            return true;
        }
        if (words.size() < 2) {
            String bare = program.toLowerCase(Locale.ROOT);
            // a code block holds what is run: a program there by its path in a bin folder (/sbin/reboot) is run
            return BARE_COMMANDS.contains(bare) || blockLine && (BLOCK_BARE_COMMANDS.contains(bare)
                    || NETWORK_OS_COMMANDS.contains(program) || BIN_PATH.matcher(program).matches());
        }
        // "timeout 5 ls /mnt/shared || echo hung": a command run with a time limit
        if (program.equals("timeout") && words.size() >= 3 && TIMEOUT_DURATION.matcher(words.get(1)).matches()) {
            int limited = text.indexOf(words.get(1), program.length()) + words.get(1).length();
            return isCommand(text.substring(limited).strip(), blockLine);
        }
        if (words.get(1).equals("=")) {
            return false; // "max_standby_streaming_delay = -1", "host = 10.0.4.12": a setting and its value
        }
        if (program.equals("module") && MODULE_SUBCOMMANDS.contains(words.get(1))) {
            return true;
        }
        if (!blockLine && INLINE_NETWORK_OS_COMMAND.matcher(text).matches()) {
            return true;
        }
        String lower = program.toLowerCase(Locale.ROOT);
        if (blockLine && NETWORK_OS_COMMANDS_IN_CONTEXT.contains(program)
                && !PROSE_WORDS.contains(words.get(1)) && !words.get(1).equals("to")) {
            return true;
        }
        // ". oraenv", ". /home/oracle/.bash_profile": a file sourced into the shell
        if (program.equals(".") && words.size() <= 3 && SOURCED_FILE.matcher(words.get(1)).matches()
                && words.get(1).chars().anyMatch(Character::isLetter)
                || INIT_SCRIPT.matcher(program).matches() && INIT_ACTIONS.contains(words.get(1))) {
            return true;
        }
        if (isKnownProgram(program, lower) || SCRIPT.matcher(program).matches() || BIN_PATH.matcher(program).matches()
                || WINDOWS_PROGRAM.matcher(program).matches()
                || RELATIVE_PROGRAM.matcher(program).matches() || (blockLine ? NETWORK_OS_COMMANDS : INLINE_NETWORK_OS_COMMANDS).contains(program)) {
            return true;
        }
        if (ABSOLUTE_PROGRAM.matcher(program).matches()) {
            return words.stream().skip(1).anyMatch(word -> OPTION.matcher(word).matches());
        }
        if (!PROGRAM_WORD.matcher(program).matches()) {
            return false;
        }
        if (TOOL_NAME.matcher(lower).matches()) {
            return true; // kafkactl, cachectl, mdadm, linode-cli: named as the programs of their kind are
        }
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            // an option (-f, --force) or a Windows switch or absolute path (/verifyrepository, /data)
            if ((word.startsWith("-") || blockLine && word.startsWith("/") && !word.startsWith("//")) && word.length() > 1) {
                return true;
            }
            if (isRedirection(word, i + 1 < words.size() ? words.get(i + 1) : "")) {
                return true;
            }
            // its output piped into a filter, or a known program run after it ("lsdev | grep fcs", "sync && eject")
            String next = i + 1 < words.size() ? words.get(i + 1) : "";
            if (word.equals("|") && PIPE_FILTERS.contains(next) || word.equals("&&") && PROGRAMS.contains(next)) {
                return true;
            }
        }
        // behind "# " the words may as well be a shell comment: only known programs count there
        return blockLine && !first.startsWith("#") && isSubcommandLine(words);
    }

    /**
     * A program of the list as written: Windows takes its programs in any case ({@code NET STOP}, {@code ROBOCOPY}),
     * while in capitals a Unix program's name is a word of SQL ({@code KILL 87 WITH STATUSONLY}) or of prose; and
     * the programs named like a configuration's keywords are those keywords when written otherwise than in lower case
     * ({@code Host db-*}, {@code HostName x}, {@code User dbadmin}), where {@code Rscript} or {@code VBoxManage} is the
     * program's own spelling.
     */
    private static boolean isKnownProgram(String program, String lower) {
        return PROGRAMS.contains(lower) && (!isAllCapitals(program) || CASE_INSENSITIVE_PROGRAMS.contains(lower))
                && (program.equals(lower) || !CONFIGURATION_KEYWORDS.contains(lower));
    }

    private static boolean isAllCapitals(String word) {
        boolean letters = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letters |= Character.isLetter(c);
        }
        return letters;
    }

    /**
     * A cmdlet: one of PowerShell's verbs and a noun ({@code Restart-Service}, not {@code Corp-Secure}), or a module's
     * cmdlet of another verb, known by its parameters ({@code Retry-Queue -Identity x}).
     */
    private static boolean isCmdlet(String program, List<String> words) {
        Matcher cmdlet = CMDLET.matcher(program);
        return cmdlet.matches() && !HTTP_HEADERS_LIKE_CMDLETS.contains(program) && (POWERSHELL_VERBS.contains(cmdlet.group(1))
                || words.stream().skip(1).anyMatch(word -> OPTION.matcher(word).matches()));
    }

    /** "Running", "ERROR": a word of output or prose; a file name, path or parameter may hold capitals ("23.4R2", "${ID}"). */
    private static boolean isCapitalisedWord(String word) {
        boolean capitals = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!Character.isLetter(c)) {
                return false;
            }
            capitals |= Character.isUpperCase(c);
        }
        return capitals;
    }

    /** A file the shell reads or writes for the program ({@code > /root/rules}, {@code < ./dump.sql}) or {@code <(...)}. */
    private static boolean isRedirection(String word, String next) {
        if (word.startsWith("<(") || word.startsWith(">(")) {
            return true;
        }
        String target = switch (word) {
            case ">", ">>", "<", "2>", "&>" -> next;
            default -> word.startsWith(">") || word.startsWith("<") ? word.substring(word.startsWith(">>") ? 2 : 1) : "";
        };
        return (target.startsWith("/") || target.startsWith("./") || target.startsWith("~/")) && target.chars().anyMatch(Character::isLetter);
    }

    /**
     * A program no list knows, run with subcommands and arguments ({@code tmsh save sys config}, {@code gam delete
     * user ${EMAIL}}, {@code awx jobs stdout 17}): at least three words (or two, the second a well-known subcommand:
     * {@code pvecm status}), none of them a query's keyword or a word of
     * a sentence, and no argument a capitalised word; a phrase, a value or a line of output ("orders-api 3/3
     * Running") is not that.
     */
    private static boolean isSubcommandLine(List<String> words) {
        boolean subcommand = words.size() == 2 && SUBCOMMANDS.contains(words.get(1));
        if (words.size() < 3 && !subcommand || NOT_PROGRAMS.contains(words.get(0))) {
            return false;
        }
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("=") || word.equals(":") || word.endsWith(":") && i == 1) {
                return false; // "key = value", "name: value": settings, not a command
            }
            if (PROSE_WORDS.contains(word) || isCapitalisedWord(word) || word.contains("{") || word.contains("}")) {
                return false; // a sentence, output, or source code ("sub vcl_recv {")
            }
        }
        return true;
    }

    /** The command without the environment assignments before it ({@code RAILS_ENV=production bundle exec ...}). */
    private static String withoutAssignments(String text) {
        if (text.indexOf('=') < 0) {
            return text; // most commands assign nothing: no regex for them
        }
        String rest = text;
        while (true) {
            java.util.regex.Matcher assignment = ASSIGNMENT.matcher(rest);
            if (!assignment.lookingAt() || assignment.end() == rest.length()) {
                return rest;
            }
            rest = rest.substring(assignment.end());
        }
    }

    /**
     * The text split at runs of whitespace as {@code text.split("\\s+")} splits it (a leading empty word when the text
     * starts with whitespace, none at the end), without a regex: this runs for every piece of inline code.
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || isRegexSpace(text.charAt(i))) {
                if (i > start || (i == 0 && i < text.length())) {
                    words.add(text.substring(start, i));
                }
                while (i + 1 < text.length() && isRegexSpace(text.charAt(i + 1))) {
                    i++;
                }
                start = i + 1;
            }
        }
        return words;
    }

    /** What {@code \\s} matches: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static String firstLine(String code) {
        String trimmed = code.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
    }
}
