package io.msgbench.driver.mqtt;

import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedListener;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where an MQTT broker answers: {@code tcp://[user:password@]host:port} ({@code mqtt://} too), or {@code host:port};
 * port 1883 when none is given (OMB's driver takes 80).
 *
 * @param host     the broker's host
 * @param port     its port
 * @param user     the user name, or {@code null} for none
 * @param password the password, or {@code null}
 */
record MqttAddress(String host, int port, String user, String password) {
    static final int DEFAULT_PORT = 1883;

    /** The address of {@code address}; one line saying what is wrong with it otherwise. */
    static MqttAddress parse(String address) {
        String uri = normalized(address);
        try {
            URI u = new URI(uri);
            if (!"tcp".equals(u.getScheme()) && !"mqtt".equals(u.getScheme())) {
                throw new IllegalArgumentException("its scheme is not tcp or mqtt");
            }
            if (u.getHost() == null) {
                throw new IllegalArgumentException("it names no host");
            }
            String user = null;
            String password = null;
            if (u.getRawUserInfo() != null) {
                String[] parts = u.getRawUserInfo().split(":", 2);
                user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
            }
            return new MqttAddress(u.getHost(), u.getPort() < 0 ? DEFAULT_PORT : u.getPort(), user, password);
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + address + "' is not an MQTT address (tcp://host:port or "
                    + "host:port): " + e.getMessage());
        }
    }

    /** The address as it is written for people and results: without the password. */
    String display() {
        return "tcp://" + (user == null ? "" : user + "@") + host + ":" + port;
    }

    /** The address as clients of a run are given it: with the scheme. */
    static String normalized(String address) {
        return address.contains("://") ? address : "tcp://" + address;
    }

    /** A client of this broker named {@code identifier} (not connected); {@code lost} hears of a lost connection. */
    Mqtt5AsyncClient client(String identifier, MqttClientDisconnectedListener lost) {
        Mqtt5ClientBuilder b = Mqtt5Client.builder().identifier(identifier).serverHost(host).serverPort(port)
                .addDisconnectedListener(lost);
        if (user != null) {
            b = b.simpleAuth().username(user).password(password == null ? new byte[0]
                    : password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        return b.buildAsync();
    }
}
